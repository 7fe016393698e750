// A ceiling on request bodies for the API: checked against Content-Length when the client declares it, and
// counted while reading when it does not (chunked uploads), so an oversized body is never held in memory.
// The largest legitimate body is an article pasted into the bank importer (at most 300,000 characters).

/** 2 MiB: an article of 300,000 characters fits even as 3-byte UTF-8 with JSON escapes. */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

const describeLimit = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;

/**
 * The 413 answer, shaped like a tRPC error so the app's client shows its message: one entry per procedure
 * for a batch call (`?batch=1`, paths joined by commas), else a single error.
 */
export function payloadTooLarge(request: Request, limit: number, trpcPath?: string): Response {
  const message = `The request body is larger than the limit of ${describeLimit(limit)} (${limit} bytes). Send less at once.`;
  // superjson-encoded ({ json: shape }), as the app's tRPC client decodes every error.
  const error = (path?: string) => ({
    error: { json: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path, limitBytes: limit } } },
  });
  const isBatch = new URL(request.url).searchParams.get("batch") === "1";
  const paths = trpcPath?.split(",") ?? [];
  const body = isBatch && paths.length ? paths.map(error) : error(trpcPath);
  return Response.json(body, { status: 413, headers: { "Cache-Control": "no-store" } });
}

/** Whether a Content-Length header announces more than `limit` bytes (a missing or odd value announces nothing). */
export function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  const declared = contentLength?.trim();
  return !!declared && /^\d+$/.test(declared) && Number(declared) > limit;
}

export type LimitedBody = { ok: true; body: Uint8Array | null } | { ok: false };

/** Reads the whole body unless it passes `limit` bytes (declared or actual); stops reading at the limit. */
export async function readBodyWithinLimit(request: Request, limit: number = MAX_REQUEST_BODY_BYTES): Promise<LimitedBody> {
  if (declaresMoreThan(request.headers.get("content-length"), limit)) return { ok: false };
  if (!request.body) return { ok: true, body: null };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}

/**
 * The request to hand on (with its body already read and checked), or the 413 response to send instead.
 * Requests without a body (GET, including the live-progress event streams) pass through untouched.
 */
export async function limitRequestBody(
  request: Request,
  options: { limit?: number; trpcPath?: string } = {},
): Promise<{ request: Request } | { response: Response }> {
  if (request.method === "GET" || request.method === "HEAD") return { request };
  const limit = options.limit ?? MAX_REQUEST_BODY_BYTES;
  const read = await readBodyWithinLimit(request, limit);
  if (!read.ok) return { response: payloadTooLarge(request, limit, options.trpcPath) };
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return {
    request: new Request(request.url, {
      method: request.method,
      headers,
      body: read.body as BodyInit | null,
      signal: request.signal,
    }),
  };
}

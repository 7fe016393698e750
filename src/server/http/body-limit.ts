// A ceiling on request bodies for the API: checked against Content-Length when the client declares it, and
// counted while reading when it does not (chunked uploads), so an oversized body is never held in memory.
// The largest legitimate body is an article pasted into the bank importer (at most 300,000 characters).
import type { IncomingMessage } from "node:http";

/** 2 MiB: an article of 300,000 characters fits even as 3-byte UTF-8 with JSON escapes. */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

const describeLimit = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;

/**
 * The 413 answer's body, shaped like a tRPC error so the app's client shows its message: one entry per
 * procedure for a batch call (`?batch=1`, paths joined by commas), else a single error.
 */
export function payloadTooLargeBody(limit: number, trpcPath: string | undefined, isBatch: boolean): unknown {
  const message = `The request body is larger than the limit of ${describeLimit(limit)} (${limit} bytes). Send less at once.`;
  // superjson-encoded ({ json: shape }), as the app's tRPC client decodes every error.
  const error = (path?: string) => ({
    error: { json: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path, limitBytes: limit } } },
  });
  const paths = trpcPath?.split(",") ?? [];
  return isBatch && paths.length ? paths.map(error) : error(trpcPath);
}

/** Whether a Content-Length header announces more than `limit` bytes (a missing or odd value announces nothing). */
export function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  const declared = contentLength?.trim();
  return !!declared && /^\d+$/.test(declared) && Number(declared) > limit;
}

/**
 * The whole request body, or null once it passes `limit` bytes (declared or counted). Past the limit the rest
 * is read and dropped rather than kept, so the connection stays usable for the 413 answer.
 */
export function readBodyWithinLimit(req: IncomingMessage, limit: number = MAX_REQUEST_BODY_BYTES): Promise<Buffer | null> {
  if (declaresMoreThan(req.headers["content-length"], limit)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      total += chunk.byteLength;
      if (total > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    });
    req.on("error", reject);
  });
}

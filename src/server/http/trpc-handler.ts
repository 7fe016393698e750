// The tRPC endpoint (/api/trpc/<procedures>) on tRPC's own Node adapter, with the steps the app puts around
// it: the API's security headers, answers held and compressed (event streams passed through and counted), the
// body limit (413) and the batch limit (400), then tRPC with the request's context. The app server
// (app-server.ts) sends every /api/trpc request here, under `npm start` and `npm run dev` alike.
//
// Cost: the adapter turns the request into a fetch Request and streams tRPC's Response out through a web
// WritableStream, where the hand-written glue it replaced read the answer whole. On a bare mutation (no
// database) that measured about 0.1 to 0.2 ms more server CPU per request (2026-12-04, on a heavily loaded
// 2-core machine: 330 to 450 µs against 480 to 670 µs), a few percent of a rating save's 2 to 5 ms; the
// full benchmark could not tell the two apart. We keep tRPC's adapter for one request path that tRPC maintains,
// except on the two paths where it showed under load: live progress (progress-stream.ts) and the scoring
// screen's autosave (direct-batch.ts, a fifth of the app's busy time on the save bench), both still calling
// the procedures through tRPC's caller.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { countBatchCalls, MAX_BATCH_CALLS } from "@/lib/http/trpc-batch-limit";
import { contextFromHeaders } from "@/server/api/request-context";
import { appRouter } from "@/server/api/root";
import { metrics } from "@/server/metrics/registry";
import { payloadTooLargeBody, readBodyWithinLimit } from "./body-limit";
import { compressWhenComplete } from "./compression";
import { directBatch, serveDirectBatch } from "./direct-batch";
import { PROGRESS_STREAM_PATH, serveProgressStream } from "./progress-stream";
import { bodyLimitFor } from "./upload-body-limit";
import { API_HEADERS } from "./security-headers";

export const TRPC_ENDPOINT = "/api/trpc";

/** Sends one of our own refusals, shaped like a tRPC error (superjson's { json: shape }) so the app's client shows it. */
function refuse(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

/** The procedure path(s) of the URL as written ("a.b,c.d"), as tRPC's fetch adapter reads them. */
function procedurePathOf(url: URL): string {
  return url.pathname.slice(TRPC_ENDPOINT.length + 1).replace(/\/$/, "");
}

/** The same path decoded, for the 413 answer's per-procedure entries. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape: tRPC answers it as an unknown procedure
  }
}

/** A batch over MAX_BATCH_CALLS calls, refused before any of them runs: the 400 answer's body, or null. */
function batchTooLarge(url: URL, path: string): unknown {
  if (url.searchParams.get("batch") !== "1") return null;
  const calls = countBatchCalls(path);
  if (calls <= MAX_BATCH_CALLS) return null;
  const message = `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send fewer at once.`;
  return { error: { json: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, path: null, maxBatchCalls: MAX_BATCH_CALLS } } } };
}

/** The request's headers as the context reads them, read in place (no copy into a fetch Headers object). */
function headersOf(req: IncomingMessage): Pick<Headers, "get"> {
  return {
    get(name: string) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

/** A live-progress stream is open: counted in /api/metrics until its connection closes. */
function countEventStream(res: ServerResponse) {
  const { sseConnections } = metrics();
  sseConnections.inc();
  res.once("close", () => sseConnections.dec());
}

const utf8 = new TextDecoder(); // as a fetch Request's text() decodes: invalid bytes replaced, a BOM dropped

/**
 * Answers one /api/trpc request; `url` is its parsed path and query. Rejects only when reading the body fails
 * (the client went away mid-upload); tRPC's own errors are answered by tRPC. `direct: false` sends the
 * autosave through tRPC's adapter too (direct-batch.int.test.ts compares the two answers).
 */
export async function serveTrpc(req: IncomingMessage, res: ServerResponse, url: URL, { direct = true } = {}): Promise<void> {
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  const path = procedurePathOf(url);
  // Live progress: the same procedure through tRPC's caller, its events framed and sent here (progress-stream.ts),
  // each as it is made: not held by compressWhenComplete's corking, which tRPC's own event streams need.
  if (req.method === "GET" && path === PROGRESS_STREAM_PATH && url.searchParams.get("batch") !== "1") {
    countEventStream(res);
    return serveProgressStream(req, res, url, await contextFromHeaders(headersOf(req)));
  }
  compressWhenComplete(req, res, () => countEventStream(res));

  let body: string | undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    // Bodies over the limit are answered 413 before tRPC parses anything (see MAX_REQUEST_BODY_BYTES). The body,
    // read here, is handed on as `req.body`, which tRPC's adapter takes instead of reading the stream itself.
    // File uploads (upload-body-limit.ts) get a larger limit.
    const limit = bodyLimitFor(decodedPath(path));
    const bytes = await readBodyWithinLimit(req, limit);
    if (bytes === null) {
      return refuse(res, 413, payloadTooLargeBody(limit, decodedPath(path), url.searchParams.get("batch") === "1"));
    }
    body = utf8.decode(bytes);
    (req as IncomingMessage & { body?: string }).body = body;
  }
  const tooMany = batchTooLarge(url, path);
  if (tooMany) return refuse(res, 400, tooMany);
  // The scoring screen's autosave, answered without the fetch adapter (see direct-batch.ts).
  const batch = !direct || body === undefined ? null : directBatch(req.method, req.headers, url.searchParams, path, body);
  if (batch) return serveDirectBatch(res, await contextFromHeaders(headersOf(req)), batch);

  // tRPC's adapter builds its URL from the Host header, which is the client's to garble; only the path and
  // query matter to tRPC, so it sees a fixed host.
  req.headers.host = "localhost";
  await nodeHTTPRequestHandler({
    req,
    res,
    path,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ req }) => contextFromHeaders(headersOf(req)),
  });
}

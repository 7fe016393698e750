// The tRPC endpoint (/api/trpc/<procedures>) as a fetch handler: the body limit and the batch limit, then
// tRPC with the request's context. Served by the API server (app-server.ts) in production and by the Next.js
// route under `next dev`.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { contextFromHeaders } from "@/server/api/request-context";
import { appRouter } from "@/server/api/root";
import { countBatchCalls, MAX_BATCH_CALLS } from "@/lib/http/trpc-batch-limit";
import { limitRequestBody } from "./body-limit";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * A batch over MAX_BATCH_CALLS calls, refused before any of them runs: 400, shaped like a tRPC error (superjson's
 * { json: shape }) so the app's client shows the message.
 */
function batchTooLarge(request: Request): Response | null {
  const url = new URL(request.url);
  if (url.searchParams.get("batch") !== "1") return null;
  const calls = countBatchCalls(url.pathname.slice(TRPC_ENDPOINT.length + 1));
  if (calls <= MAX_BATCH_CALLS) return null;
  const message = `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send fewer at once.`;
  const body = { error: { json: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, path: null, maxBatchCalls: MAX_BATCH_CALLS } } } };
  return Response.json(body, { status: 400, headers: { "Cache-Control": "no-store" } });
}

/** tRPC for a request whose body is already read and within MAX_REQUEST_BODY_BYTES. */
export async function serveTrpc(request: Request): Promise<Response> {
  const refused = batchTooLarge(request);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => contextFromHeaders(request.headers),
  });
}

export async function handleTrpcRequest(request: Request, trpcPath: string): Promise<Response> {
  // Bodies over the limit are answered 413 before tRPC parses anything (see MAX_REQUEST_BODY_BYTES).
  const limited = await limitRequestBody(request, { trpcPath });
  if ("response" in limited) return limited.response;
  return serveTrpc(limited.request);
}

// The tRPC endpoint (/api/trpc/<procedures>) as a fetch handler: the body limit, then tRPC with the request's
// context. Served by the API server (app-server.ts) in production and by the Next.js route under `next dev`.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { contextFromHeaders } from "@/server/api/request-context";
import { appRouter } from "@/server/api/root";
import { limitRequestBody } from "./body-limit";

export const TRPC_ENDPOINT = "/api/trpc";

/** tRPC for a request whose body is already read and within MAX_REQUEST_BODY_BYTES. */
export function serveTrpc(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    createContext: () => contextFromHeaders(request.headers),
  });
}

export async function handleTrpcRequest(request: Request, trpcPath: string): Promise<Response> {
  // Bodies over the limit are answered 413 before tRPC parses anything (see MAX_REQUEST_BODY_BYTES).
  const limited = await limitRequestBody(request, { trpcPath });
  if ("response" in limited) return limited.response;
  return serveTrpc(limited.request);
}

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { limitRequestBody } from "@/server/http/body-limit";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ trpc: string }> };

async function handler(req: Request, context: RouteContext) {
  // Bodies over the limit are answered 413 before tRPC parses anything (see MAX_REQUEST_BODY_BYTES).
  const limited = await limitRequestBody(req, { trpcPath: (await context.params).trpc });
  if ("response" in limited) return limited.response;
  return fetchRequestHandler({ endpoint: "/api/trpc", req: limited.request, router: appRouter, createContext: createRequestContext });
}

export { handler as GET, handler as POST };

// The tRPC endpoint under `next dev`. In production the API server (src/server/http/app-server.ts) answers
// /api/trpc itself before Next.js sees the request; both run handleTrpcRequest.
import { handleTrpcRequest } from "@/server/http/trpc-handler";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ trpc: string }> };

async function handler(req: Request, context: RouteContext) {
  return handleTrpcRequest(req, (await context.params).trpc);
}

export { handler as GET, handler as POST };

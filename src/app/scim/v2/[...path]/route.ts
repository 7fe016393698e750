// SCIM 2.0 provisioning for identity providers (Entra ID, Okta): see src/server/scim/handle-scim-request.ts.
import { handleScimRequest } from "@/server/scim/handle-scim-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Params): Promise<Response> {
  return handleScimRequest(request, (await params).path);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };

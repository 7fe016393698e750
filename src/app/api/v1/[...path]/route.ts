// The public REST API: every method goes to the one pipeline, which answers unknown paths and methods with
// problem details itself (so they look like every other error of the API).
import { handleApiRequest } from "@/server/rest/handle-request";

export const dynamic = "force-dynamic";

const handle = (request: Request) => handleApiRequest(request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };

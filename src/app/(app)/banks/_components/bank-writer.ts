// Who may change question banks, for pages that show write controls. The server checks again on every write.
import "server-only";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";

export async function loadBankWriter() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  return { api, viewer, canWrite: role ? roleHas(role, "banks:write") : false };
}

// tRPC for server components: the same procedures and checks as over HTTP, called in-process.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { roleHas, type Permission } from "@/server/auth/permissions";

export const serverApi = cache(async () => createCaller(await createRequestContext()));

/**
 * For pages behind sign-in. Next renders a layout and its page at the same time, so each page sends a
 * signed-out visitor to the sign-in page itself rather than relying on the layout's check.
 */
export const signedInServerApi = cache(async () => {
  const context = await createRequestContext();
  if (!context.userId) redirect("/signin");
  return createCaller(context);
});

/**
 * What a page behind a permission needs: the API, the viewer, their role, and whether that role holds
 * `permission` (pages answer a role without it with their own explanation). The procedures check again.
 */
export async function pageAccess(permission: Permission) {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role ?? null;
  const can = (p: Permission) => role !== null && roleHas(role, p);
  return { api, viewer, role, allowed: can(permission), can };
}

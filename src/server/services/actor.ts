// Who is acting, and in which organisation. Built by the API layer from the session; services trust it.
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/server/errors";
import { roleHas, type Permission } from "@/server/auth/permissions";

export type Actor = { userId: string; orgId: string; role: Role };

/**
 * A signed-in user whose membership is not looked up yet: statements that check it themselves (the live
 * scoring writes, cell-write-sql.ts) take this, pick the organisation as resolveActor does and require one
 * of `roles`, and that `sessionVersion` (when given) is still the user's (not signed out since).
 */
export type MemberRef = { userId: string; preferredOrgId: string | null; roles: readonly Role[]; sessionVersion?: number };

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!roleHas(actor.role, permission)) {
    throw new AppError("FORBIDDEN", { key: "access.roleNotAllowed" });
  }
}

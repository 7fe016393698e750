import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { SESSION_ENDED, sessionIsCurrent } from "@/server/services/auth/session-version";

/**
 * The membership a signed-in user acts through: the organisation they chose, if they still belong to it,
 * otherwise their oldest membership. Null when they belong to none. (cell-write-sql.ts makes the same
 * choice in SQL for the live scoring writes: keep the two in step.) With the `sessionVersion` the request's
 * token carries, a token signed out since is refused (UNAUTHORIZED); the check rides in the same query.
 */
export async function resolveActor(db: Db, userId: string, preferredOrgId?: string | null, sessionVersion?: number): Promise<Actor | null> {
  const memberships = await db.membership.findMany({
    where: { userId, ...(sessionVersion === undefined ? {} : { user: { sessionVersion } }) },
    select: { orgId: true, role: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!memberships.length && sessionVersion !== undefined && !(await sessionIsCurrent(db, userId, sessionVersion))) {
    throw new AppError("UNAUTHORIZED", SESSION_ENDED);
  }
  const chosen = chooseMembership(memberships, preferredOrgId);
  return chosen ? { userId, orgId: chosen.orgId, role: chosen.role } : null;
}

/** Of a user's memberships, oldest first: the organisation they chose if they still belong to it, else the oldest. */
export function chooseMembership<T extends { orgId: string }>(oldestFirst: readonly T[], preferredOrgId?: string | null): T | undefined {
  return oldestFirst.find((m) => m.orgId === preferredOrgId) ?? oldestFirst[0];
}

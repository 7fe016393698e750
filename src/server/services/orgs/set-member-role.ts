import type { SetMemberRoleInput } from "@/lib/schemas/orgs";
import { AppError, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { roleHas } from "@/server/auth/permissions";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";

/**
 * Changes a member's role. The organisation's admin memberships (and the target's and caller's) are locked
 * first, so concurrent changes queue behind each other: the second of two admins demoting each other then
 * counts the admins after the first has committed, and an admin demoted meanwhile can no longer act.
 */
export async function setMemberRole(db: Db, actor: Actor, input: SetMemberRoleInput) {
  requirePermission(actor, "members:manage");
  return db.$transaction(async (tx) => {
    // In READ COMMITTED each statement after the lock sees what the transactions we waited for committed.
    await tx.$queryRaw`
      SELECT id FROM "Membership"
      WHERE "orgId" = ${actor.orgId} AND (role = 'ADMIN' OR id = ${input.membershipId} OR "userId" = ${actor.userId})
      ORDER BY id
      FOR UPDATE`;
    const caller = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: actor.orgId, userId: actor.userId } },
      select: { role: true },
    });
    if (!caller || !roleHas(caller.role, "members:manage")) {
      throw new AppError("FORBIDDEN", { key: "orgs.noLongerAdmin" });
    }
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: actor.orgId } });
    if (!membership) throw notFound("Member");
    if (membership.role === "ADMIN" && input.role !== "ADMIN") {
      const admins = await tx.membership.count({ where: { orgId: actor.orgId, role: "ADMIN" } });
      if (admins <= 1) {
        throw new AppError("CONFLICT", { key: "orgs.lastAdmin" }, "role");
      }
    }
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordActorEvent(tx, actor, "member.role_changed", ["Membership", membership.id], { from: membership.role, to: input.role });
    return { membershipId: updated.id, role: updated.role };
  });
}

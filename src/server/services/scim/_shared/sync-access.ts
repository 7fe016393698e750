// A provisioned person's Panelkit access IS their Membership: an active SCIM user has one, with the most
// privileged role their groups map to; an inactive one has none, and their sessions end at once (the
// session version is bumped, as signing out does). Submitted scorecards belong to the User and stay.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { ScimError } from "./scim-error";

/**
 * Most privileged first, ranked by what each role may do (src/server/auth/permissions.ts): a hiring manager
 * holds more permissions (vacancies, debriefs, scripts) than HR, and both more than an interviewer.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"];

export function mostPrivileged(roles: readonly (Role | null)[]): Role | null {
  return ROLE_PRECEDENCE.find((role) => roles.includes(role)) ?? null;
}

export const LAST_ADMIN =
  "This change would leave the organisation without an admin: map another admin's group to Admin (or make someone admin in Panelkit) first.";

/**
 * Brings the memberships of these SCIM users in line with their state. An active person's role is the most
 * privileged their groups map to; with none, a membership keeps its role (so the admin who set SCIM up, or
 * someone whose role was set by hand in Members, is not demoted by being provisioned or joining a group
 * without a role), except for the people in `lostMappedRole`, who just left a group with a role (or its
 * role was unmapped): they fall back to interviewer. A new membership without a mapped role is interviewer.
 * Refuses (409, the caller's transaction rolls back) a change leaving the organisation without an admin.
 */
export async function syncAccess(tx: Prisma.TransactionClient, orgId: string, scimUserIds: readonly string[], lostMappedRole: readonly string[] = []) {
  if (scimUserIds.length === 0) return;
  // Admin rows are locked first, as setMemberRole does, so concurrent demotions count admins one after another.
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'ADMIN' ORDER BY id FOR UPDATE`;
  const adminsBefore = await tx.membership.count({ where: { orgId, role: "ADMIN" } });
  const people = await tx.scimUser.findMany({
    where: { orgId, id: { in: [...scimUserIds] } },
    select: { id: true, userId: true, active: true, groups: { select: { group: { select: { role: true } } } } },
  });
  for (const person of people) {
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: person.userId } }, select: { id: true, role: true } });
    if (!person.active) {
      if (!membership) continue;
      await tx.membership.delete({ where: { id: membership.id } });
      await tx.user.update({ where: { id: person.userId }, data: { sessionVersion: { increment: 1 } } });
      continue;
    }
    const mapped = mostPrivileged(person.groups.map(({ group }) => group.role));
    const role = mapped ?? (membership && !lostMappedRole.includes(person.id) ? membership.role : "INTERVIEWER");
    if (!membership) {
      await tx.membership.create({ data: { orgId, userId: person.userId, role } });
    } else if (membership.role !== role) {
      await tx.membership.update({ where: { id: membership.id }, data: { role } });
      await recordAuditEvent(tx, {
        orgId,
        actorId: null,
        action: "member.role_changed",
        entityType: "Membership",
        entityId: membership.id,
        data: { from: membership.role, to: role, via: "scim" },
      });
    }
  }
  if (adminsBefore > 0 && (await tx.membership.count({ where: { orgId, role: "ADMIN" } })) === 0) {
    throw new ScimError(409, LAST_ADMIN);
  }
}

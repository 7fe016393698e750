import type { Role } from "@/generated/prisma/enums";
import { AppError, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { roleHas } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { normalizeEmail } from "./normalize";

export async function listMembers(db: Db, actor: Actor) {
  requirePermission(actor, "members:read");
  const members = await db.membership.findMany({
    where: { orgId: actor.orgId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  return members.map((m) => ({ membershipId: m.id, role: m.role, since: m.createdAt, ...m.user, userId: m.user.id }));
}

export type AddMemberInput = { email: string; name: string; role: Role; initialPassword?: string };

/**
 * Adds a person to the organisation. An existing account just gets a membership; a new one is created
 * with the initial password the admin hands over (invitations by link come with the panels feature).
 */
export async function addMember(db: Db, actor: Actor, input: AddMemberInput) {
  requirePermission(actor, "members:manage");
  const email = normalizeEmail(input.email);
  const existingUser = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!existingUser && !input.initialPassword) {
    throw new AppError("BAD_REQUEST", "This person has no Panelkit account yet: set an initial password for them.", "initialPassword");
  }
  if (!existingUser) await assertAcceptablePassword(input.initialPassword!, { email, name: input.name }, "initialPassword");
  const passwordHash = existingUser ? null : await hashPassword(input.initialPassword!);
  return db.$transaction(async (tx) => {
    const userId =
      existingUser?.id ?? (await tx.user.create({ data: { email, name: input.name.trim(), passwordHash } })).id;
    const already = await tx.membership.findUnique({ where: { orgId_userId: { orgId: actor.orgId, userId } } });
    if (already) throw new AppError("CONFLICT", "This person is already a member of the organisation.", "email");
    const membership = await tx.membership.create({ data: { orgId: actor.orgId, userId, role: input.role } });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "member.added",
      entityType: "Membership",
      entityId: membership.id,
      data: { email, role: input.role },
    });
    return { membershipId: membership.id, userId };
  });
}

/**
 * Changes a member's role. The organisation's admin memberships (and the target's and caller's) are locked
 * first, so concurrent changes queue behind each other: the second of two admins demoting each other then
 * counts the admins after the first has committed, and an admin demoted meanwhile can no longer act.
 */
export async function setMemberRole(db: Db, actor: Actor, input: { membershipId: string; role: Role }) {
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
      throw new AppError("FORBIDDEN", "You are no longer an admin of this organisation, so you cannot change roles.");
    }
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: actor.orgId } });
    if (!membership) throw notFound("Member");
    if (membership.role === "ADMIN" && input.role !== "ADMIN") {
      const admins = await tx.membership.count({ where: { orgId: actor.orgId, role: "ADMIN" } });
      if (admins <= 1) {
        throw new AppError("CONFLICT", "An organisation needs at least one admin: make someone else admin first.", "role");
      }
    }
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "Membership",
      entityId: membership.id,
      data: { from: membership.role, to: input.role },
    });
    return { membershipId: updated.id, role: updated.role };
  });
}

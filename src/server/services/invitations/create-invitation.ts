import type { Role } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { normalizeEmail } from "@/server/services/orgs/normalize";
import { INVITATION_TTL_DAYS, invitationLink, newInvitationToken } from "./invitation-token";
import { sendInvitationEmail } from "./send-invitation-email";

export type CreateInvitationInput = { email: string; interviewId?: string; role?: Role };

/**
 * Invites someone by email to the organisation, and to an interview's panel when one is named. The link
 * (with the only copy of the token) goes back to the inviter and, when SMTP is set up, to the invitee.
 */
export async function createInvitation(db: Db, actor: Actor, input: CreateInvitationInput) {
  requirePermission(actor, "interviews:write");
  const role = input.role ?? "INTERVIEWER";
  // Scheduling panels is not a way to hand out more power than a panelist needs.
  if (role !== "INTERVIEWER" && !roleHas(actor.role, "members:manage")) {
    throw new AppError("FORBIDDEN", "Only admins can invite someone with a role other than interviewer.", "role");
  }
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = newInvitationToken();
  const created = await db.$transaction(async (tx) => {
    const interview = input.interviewId
      ? await tx.interview.findFirst({ where: { id: input.interviewId, orgId: actor.orgId }, select: { id: true, scheduledAt: true } })
      : null;
    if (input.interviewId && !interview) throw notFound("Interview");
    const invitation = await tx.invitation.create({
      data: {
        orgId: actor.orgId,
        email,
        role,
        tokenHash,
        interviewId: interview?.id ?? null,
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3_600_000),
      },
      select: { id: true, org: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "invitation.created",
      entityType: "Invitation",
      entityId: invitation.id,
      data: { email, role, interviewId: interview?.id ?? null },
    });
    return { invitation, interview };
  });
  const link = invitationLink(token);
  const emailed = await sendInvitationEmail(db, { orgId: actor.orgId, invitationId: created.invitation.id, token });
  return { id: created.invitation.id, link, emailed };
}

export async function revokeInvitation(db: Db, actor: Actor, input: { id: string }) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been accepted.");
    if (invitation.revokedAt) return { id: invitation.id, revokedAt: invitation.revokedAt };
    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt } });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "invitation.revoked",
      entityType: "Invitation",
      entityId: invitation.id,
    });
    return { id: invitation.id, revokedAt };
  });
}

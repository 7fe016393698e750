import type { CreateInvitationInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { normalizeEmail } from "@/server/services/orgs/_shared/normalize";
import { invitationExpiry, invitationLink, newInvitationToken } from "./_shared/invitation-token";
import { sendInvitationEmail } from "./send-invitation-email";

/**
 * Invites someone by email to the organisation, and to an interview's panel when one is named. The link
 * (with the only copy of the token) goes back to the inviter and, when SMTP is set up, to the invitee.
 */
export async function createInvitation(db: Db, actor: Actor, input: CreateInvitationInput) {
  requirePermission(actor, "interviews:write");
  const role = input.role ?? "INTERVIEWER";
  // Scheduling panels is not a way to hand out more power than a panelist needs.
  if (role !== "INTERVIEWER" && !roleHas(actor.role, "members:manage")) {
    throw new AppError("FORBIDDEN", { key: "invitation.adminsOnlyRole" }, "role");
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
        expiresAt: invitationExpiry(),
      },
      select: { id: true, org: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    await recordActorEvent(tx, actor, "invitation.created", ["Invitation", invitation.id], { email, role, interviewId: interview?.id ?? null });
    return { invitation, interview };
  });
  const link = invitationLink(token);
  const emailed = await sendInvitationEmail(db, { orgId: actor.orgId, invitationId: created.invitation.id, token });
  return { id: created.invitation.id, link, emailed };
}

// Sending an invitation again. Only a hash of the token is stored, so the old link can't be shown again:
// a new token replaces it (the old link stops working) and the invitation gets a fresh expiry.
import type { InvitationIdInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { invitationExpiry, invitationLink, newInvitationToken } from "./_shared/invitation-token";
import { sendInvitationEmail } from "./send-invitation-email";

export async function resendInvitation(db: Db, actor: Actor, input: InvitationIdInput) {
  requirePermission(actor, "members:manage");
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry();
  const renewed = await db.$transaction(async (tx) => {
    // Conditional on still being open, so a resend racing an accept or a withdrawal can't revive it.
    const updated = await tx.invitation.updateMany({
      where: { id: input.id, orgId: actor.orgId, acceptedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt },
    });
    const invitation = await tx.invitation.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, acceptedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    if (updated.count !== 1) {
      throw new AppError(
        "CONFLICT",
        invitation.acceptedAt ? "This invitation has already been accepted." : "This invitation was withdrawn: send a new one instead.",
      );
    }
    await recordActorEvent(tx, actor, "invitation.resent", ["Invitation", invitation.id]);
    return invitation;
  });
  const link = invitationLink(token);
  const emailed = await sendInvitationEmail(db, { orgId: actor.orgId, invitationId: renewed.id, token });
  return { id: renewed.id, link, emailed, expiresAt };
}

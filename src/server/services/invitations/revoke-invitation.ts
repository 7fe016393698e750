import type { InvitationIdInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/** Withdraws an open invitation (its link stops working); withdrawing twice is not an error. */
export async function revokeInvitation(db: Db, actor: Actor, input: InvitationIdInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    if (invitation.acceptedAt) throw new AppError("CONFLICT", { key: "invitation.alreadyAccepted" });
    if (invitation.revokedAt) return { id: invitation.id, revokedAt: invitation.revokedAt };
    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt } });
    await recordActorEvent(tx, actor, "invitation.revoked", ["Invitation", invitation.id]);
    return { id: invitation.id, revokedAt };
  });
}

// Accepting an invitation link. The caller may be signed out: the token is the credential.
import type { AcceptInvitationInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/_shared/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { hashInvitationToken } from "./_shared/invitation-token";
import { invitationRefusal, invitationStateSelect, invitationStatus } from "./_shared/invitation-status";

/**
 * Accepts an invitation once. A signed-in caller must be the invited person; a signed-out one either
 * creates the account (name and password) or is told to sign in first. The acceptance is a conditional
 * update inside the transaction, so of two simultaneous accepts only one can succeed.
 */
export async function acceptInvitation(db: Db, input: AcceptInvitationInput, viewerId: string | null) {
  const tokenHash = hashInvitationToken(input.token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: { ...invitationStateSelect, id: true, orgId: true, email: true, role: true, interviewId: true },
  });
  const status = invitationStatus(invitation, new Date());
  if (!invitation || status !== "valid") throw invitationRefusal(status === "valid" ? "unknown" : status);

  let userId: string | null = null;
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (viewerId) {
    const viewer = await db.user.findUnique({ where: { id: viewerId }, select: { id: true, email: true } });
    if (!viewer) throw new AppError("UNAUTHORIZED", { key: "invitation.signInAgain" });
    if (viewer.email !== invitation.email) {
      throw new AppError(
        "BAD_REQUEST",
        { key: "invitation.otherEmail", values: { invited: invitation.email, viewer: viewer.email } },
      );
    }
    userId = viewer.id;
  } else {
    const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) throw new AppError("UNAUTHORIZED", { key: "invitation.signInAs", values: { email: invitation.email } });
    const name = input.name?.trim();
    if (!name) throw new AppError("BAD_REQUEST", { key: "invitation.enterName" }, "name");
    if (!input.password) throw new AppError("BAD_REQUEST", { key: "invitation.choosePassword" }, "password");
    await assertAcceptablePassword(input.password, { email: invitation.email, name }, "password");
    newAccount = { name, passwordHash: await hashPassword(input.password) };
  }

  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw invitationRefusal("used");
    if (newAccount) {
      const created = await tx.user.create({
        data: { email: invitation.email, name: newAccount.name, passwordHash: newAccount.passwordHash },
        select: { id: true },
      });
      userId = created.id;
    }
    const acceptedBy = userId!;
    // An existing member keeps their role: an invitation to a panel is not a demotion (or a promotion).
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: invitation.orgId, userId: acceptedBy } },
      select: { id: true },
    });
    if (!membership) {
      await tx.membership.create({ data: { orgId: invitation.orgId, userId: acceptedBy, role: invitation.role } });
    }
    if (invitation.interviewId) {
      await tx.panelMember.createMany({
        data: [{ interviewId: invitation.interviewId, userId: acceptedBy }],
        skipDuplicates: true,
      });
    }
    await recordAuditEvent(tx, {
      orgId: invitation.orgId,
      actorId: acceptedBy,
      action: "invitation.accepted",
      entityType: "Invitation",
      entityId: invitation.id,
      data: {
        email: invitation.email,
        newAccount: newAccount !== null,
        membershipCreated: !membership,
        interviewId: invitation.interviewId,
      },
    });
    return { email: invitation.email, orgId: invitation.orgId, interviewId: invitation.interviewId };
  });
}

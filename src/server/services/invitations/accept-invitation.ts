// Accepting an invitation link. The caller may be signed out: the token is the credential.
import type { AcceptInvitationInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/_shared/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { hashInvitationToken } from "./_shared/invitation-token";
import { invitationRefusal, invitationStateSelect, invitationStatus } from "./_shared/invitation-status";
import { firstWhoCanAlreadyRead } from "@/server/services/interviews/_shared/independent-seats";
import { lockForUpdate } from "@/server/services/_shared/lock-for-update";

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
      const account = newAccount;
      // The account may have been made since the check above (another invitation to this email accepted in the
      // same moment, or a sign-up): the unique email answers, and this acceptance is undone with the transaction.
      const created = await tx.user
        .create({ data: { email: invitation.email, name: account.name, passwordHash: account.passwordHash }, select: { id: true } })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError("UNAUTHORIZED", { key: "invitation.signInAs", values: { email: invitation.email } });
          throw error;
        });
      userId = created.id;
    }
    const acceptedBy = userId!;
    // An existing member keeps their role: an invitation to a panel is not a demotion (or a promotion). Made only
    // if absent, in one statement: of two invitations to this organisation accepted at once (two tabs), the
    // second finds the first's membership instead of failing on the unique (orgId, userId).
    const { count: membershipsCreated } = await tx.membership.createMany({
      data: [{ orgId: invitation.orgId, userId: acceptedBy, role: invitation.role }],
      skipDuplicates: true,
    });
    if (invitation.interviewId) {
      // An existing member may already read the panel's submitted scorecards in their role (HR, an admin, the
      // candidate's manager): seated now, their ratings would not be independent. A newcomer could read nothing.
      if (membershipsCreated === 0) await refuseSeatIfNotIndependent(tx, invitation.orgId, invitation.interviewId, acceptedBy);
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
        membershipCreated: membershipsCreated === 1,
        interviewId: invitation.interviewId,
      },
    });
    return { email: invitation.email, orgId: invitation.orgId, interviewId: invitation.interviewId };
  });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Refuses (CONFLICT) to seat an existing member not yet on the interview's panel who can already read its
 * submitted scorecards. The interview's row is locked first, as a panel change and a submit lock it.
 */
async function refuseSeatIfNotIndependent(tx: Prisma.TransactionClient, orgId: string, interviewId: string, userId: string) {
  await lockForUpdate(tx, "Interview", { id: interviewId, orgId });
  const seated = await tx.panelMember.findUnique({ where: { interviewId_userId: { interviewId, userId } }, select: { userId: true } });
  if (seated) return;
  if (await firstWhoCanAlreadyRead(tx, orgId, interviewId, [userId])) {
    throw new AppError("CONFLICT", { key: "invitation.notIndependent" });
  }
}

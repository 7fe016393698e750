// Opening and accepting an invitation link. The caller may be signed out: the token is the credential.
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { hashInvitationToken } from "./invitation-token";

export type InvitationStatus = "valid" | "expired" | "used" | "revoked" | "unknown";

type StoredInvitation = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

function statusOf(invitation: StoredInvitation | null, now: Date): InvitationStatus {
  if (!invitation) return "unknown";
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

function refusal(status: Exclude<InvitationStatus, "valid">): AppError {
  switch (status) {
    case "unknown":
      return new AppError("NOT_FOUND", "This invitation link is not valid. Check that you copied all of it.");
    case "used":
      return new AppError("CONFLICT", "This invitation has already been used. Sign in instead, or ask for a new invitation.");
    case "revoked":
      return new AppError("BAD_REQUEST", "This invitation was withdrawn. Ask the person who invited you for a new one.");
    case "expired":
      return new AppError("BAD_REQUEST", "This invitation has expired. Ask the person who invited you for a new one.");
  }
}

/** What the invitation page shows before accepting. Details only for a link that could still be accepted. */
export async function previewInvitation(db: Db, input: { token: string }, viewerId: string | null) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      org: { select: { name: true } },
      interview: { select: { scheduledAt: true } },
    },
  });
  const status = statusOf(invitation, new Date());
  const viewer = viewerId ? await db.user.findUnique({ where: { id: viewerId }, select: { email: true } }) : null;
  if (!invitation || status !== "valid") return { status, signedInEmail: viewer?.email ?? null };
  // Nothing here depends on whether the invited email has an account: whoever holds the link (the inviter,
  // when email is off) must not learn it. The page offers both signing in and creating an account.
  return {
    status,
    orgName: invitation.org.name,
    email: invitation.email,
    role: invitation.role,
    interview: invitation.interview ? { scheduledAt: invitation.interview.scheduledAt } : undefined,
    signedInEmail: viewer?.email ?? null,
  };
}

export type AcceptInvitationInput = { token: string; name?: string; password?: string };

/**
 * Accepts an invitation once. A signed-in caller must be the invited person; a signed-out one either
 * creates the account (name and password) or is told to sign in first. The acceptance is a conditional
 * update inside the transaction, so of two simultaneous accepts only one can succeed.
 */
export async function acceptInvitation(db: Db, input: AcceptInvitationInput, viewerId: string | null) {
  const tokenHash = hashInvitationToken(input.token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, orgId: true, email: true, role: true, interviewId: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  const status = statusOf(invitation, new Date());
  if (!invitation || status !== "valid") throw refusal(status === "valid" ? "unknown" : status);

  let userId: string | null = null;
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (viewerId) {
    const viewer = await db.user.findUnique({ where: { id: viewerId }, select: { id: true, email: true } });
    if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in again to continue.");
    if (viewer.email !== invitation.email) {
      throw new AppError(
        "BAD_REQUEST",
        `This invitation is for ${invitation.email}, but you are signed in as ${viewer.email}. Sign out and open the link again, or ask for an invitation to ${viewer.email}.`,
      );
    }
    userId = viewer.id;
  } else {
    const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) throw new AppError("UNAUTHORIZED", `Sign in as ${invitation.email} to accept.`);
    const name = input.name?.trim();
    if (!name) throw new AppError("BAD_REQUEST", "Enter your name.", "name");
    if (!input.password) throw new AppError("BAD_REQUEST", "Choose a password.", "password");
    await assertAcceptablePassword(input.password, { email: invitation.email, name }, "password");
    newAccount = { name, passwordHash: await hashPassword(input.password) };
  }

  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw refusal("used");
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

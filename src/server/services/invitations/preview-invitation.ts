// What the invitation page shows before accepting. The caller may be signed out: the token is the credential.
import type { InvitationPreviewInput } from "@/lib/schemas/invitations";
import type { Db } from "@/server/db";
import { hashInvitationToken } from "./_shared/invitation-token";
import { invitationStateSelect, invitationStatus } from "./_shared/invitation-status";

/** Details only for a link that could still be accepted. */
export async function previewInvitation(db: Db, input: InvitationPreviewInput, viewerId: string | null) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: {
      ...invitationStateSelect,
      email: true,
      role: true,
      org: { select: { name: true } },
      interview: { select: { scheduledAt: true } },
    },
  });
  const status = invitationStatus(invitation, new Date());
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

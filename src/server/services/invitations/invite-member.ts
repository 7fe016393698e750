// An admin adds someone to the organisation by inviting them: nobody joins without accepting, and the
// answer is the same whether or not the email already has a Panelkit account (we never look it up here).
import type { InviteMemberInput } from "@/lib/schemas/orgs";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { normalizeEmail } from "@/server/services/orgs/_shared/normalize";
import { createInvitation } from "./create-invitation";

export async function inviteMember(db: Db, actor: Actor, input: InviteMemberInput) {
  requirePermission(actor, "members:manage");
  const email = normalizeEmail(input.email);
  // Both checks read only this organisation's own rows, which the admin can already see on the page.
  const member = await db.membership.findFirst({ where: { orgId: actor.orgId, user: { email } }, select: { id: true } });
  if (member) throw new AppError("CONFLICT", { key: "invitation.alreadyMember" }, "email");
  const pending = await db.invitation.findFirst({
    where: { orgId: actor.orgId, email, interviewId: null, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  if (pending) {
    throw new AppError("CONFLICT", { key: "invitation.alreadyPending" }, "email");
  }
  return createInvitation(db, actor, { email, role: input.role });
}

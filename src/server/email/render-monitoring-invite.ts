// The monitoring-form email, rendered when it is sent: nothing when the link was used, revoked or expired
// meanwhile, or the candidate was erased or has no email address any more.
import type { Db } from "@/server/db";
import type { Notification } from "./notification";
import { monitoringInviteEmail } from "./notification-templates";
import type { OutgoingEmail } from "./render-notification";

export async function renderMonitoringInvite(
  db: Db,
  n: Extract<Notification, { kind: "monitoring-invite" }>,
  base: string,
): Promise<OutgoingEmail | null> {
  const invite = await db.monitoringInvite.findFirst({
    where: { id: n.inviteId, orgId: n.orgId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, candidate: { anonymizedAt: null } },
    select: { createdById: true, org: { select: { name: true } }, candidate: { select: { name: true, email: true } } },
  });
  if (!invite?.candidate.email) return null;
  // A candidate has no account and no saved language: the email is in the language of the person who sent the
  // link (their saved choice; English when none), who knows the candidate. The form itself then follows the
  // candidate's browser, and offers the language picker.
  const sender = invite.createdById ? await db.user.findUnique({ where: { id: invite.createdById }, select: { locale: true } }) : null;
  return {
    to: invite.candidate.email,
    ...monitoringInviteEmail({ locale: sender?.locale, orgName: invite.org.name, candidateName: invite.candidate.name, link: `${base}/monitoring/${n.token}` }),
  };
}

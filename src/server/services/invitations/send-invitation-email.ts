// Queues the invitation email when SMTP is configured (src/server/jobs sends it, with retries); without
// SMTP the inviter copies the link by hand.
import type { Db } from "@/server/db";
import { queueNotification } from "@/server/jobs/send-email-job";

/** True when the email is queued; false when email isn't configured (the link is shown either way). */
export async function sendInvitationEmail(db: Db, invitation: { orgId: string; invitationId: string; token: string }): Promise<boolean> {
  return queueNotification(db, { kind: "invitation", ...invitation });
}

// The email with a lay panelist's scoring link, rendered when it is sent: nothing when the link was revoked,
// re-issued or expired meanwhile. The code never travels by email: it is handed over in person.
import type { Db } from "@/server/db";
import { formatWhen, renderEmail } from "./email-layout";
import type { Notification } from "./notification";
import type { OutgoingEmail } from "./render-notification";

export async function renderLayLink(db: Db, n: Extract<Notification, { kind: "lay-link" }>, base: string): Promise<OutgoingEmail | null> {
  const link = await db.layPanelistLink.findFirst({
    where: { id: n.linkId, orgId: n.orgId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { contactEmail: true, expiresAt: true, org: { select: { name: true } }, user: { select: { name: true } }, interview: { select: { scheduledAt: true } } },
  });
  if (!link?.contactEmail) return null;
  return {
    to: link.contactEmail,
    ...renderEmail({
      orgName: link.org.name,
      subject: `Your scoring link for the interview on ${formatWhen(link.interview.scheduledAt)}`,
      paragraphs: [
        `Hello ${link.user.name},`,
        `${link.org.name} asked you to sit on an interview panel on ${formatWhen(link.interview.scheduledAt)}. This personal link opens your scoring screen for that interview only; you need no account.`,
        `It works on the first device you open it on, and until ${formatWhen(link.expiresAt)}. On another device you will be asked for the code you were given in person.`,
      ],
      action: { label: "Open your scoring screen", url: `${base}/lay/${n.token}` },
      footer: "If you did not expect this email, you can ignore it.",
    }),
  };
}

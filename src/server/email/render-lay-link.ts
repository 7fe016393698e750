// The email with a lay panelist's scoring link, rendered when it is sent: nothing when the link was revoked,
// re-issued or expired meanwhile. The code never travels by email: it is handed over in person.
import type { Db } from "@/server/db";
import { formatWhen, renderEmail } from "./email-layout";
import { emailText } from "./email-text";
import type { Notification } from "./notification";
import type { OutgoingEmail } from "./render-notification";

export async function renderLayLink(db: Db, n: Extract<Notification, { kind: "lay-link" }>, base: string): Promise<OutgoingEmail | null> {
  const link = await db.layPanelistLink.findFirst({
    where: { id: n.linkId, orgId: n.orgId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      contactEmail: true,
      expiresAt: true,
      org: { select: { name: true, timeZone: true } },
      user: { select: { name: true, locale: true } },
      createdBy: { select: { locale: true } },
      interview: { select: { scheduledAt: true } },
    },
  });
  if (!link?.contactEmail) return null;
  // The panelist's own language once they chose one (on their scoring screen); before that, the language of
  // the person who added them, who knows them; English when neither chose.
  const { t, locale } = emailText(link.user.locale ?? link.createdBy?.locale);
  const when = formatWhen(link.interview.scheduledAt, link.org.timeZone, locale);
  return {
    to: link.contactEmail,
    ...renderEmail({
      orgName: link.org.name,
      locale,
      subject: t("layLink.subject", { when }),
      paragraphs: [
        t("hello", { name: link.user.name }),
        t("layLink.body", { org: link.org.name, when }),
        t("layLink.device", { until: formatWhen(link.expiresAt, link.org.timeZone, locale) }),
      ],
      action: { label: t("layLink.action"), url: `${base}/lay/${n.token}` },
      footer: t("layLink.footer"),
    }),
  };
}

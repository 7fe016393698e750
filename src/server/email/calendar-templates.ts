// Emails of the calendar and reminders: taken off a panel, the reminders before an interview, and an overdue
// scorecard escalated to the vacancy's hiring manager. Times are in the organisation's zone; the words come
// from the "emails" message namespace in the recipient's language (`locale`, English when not given).
import { formatWhen, renderEmail, type RenderedEmail } from "./email-layout";
import { emailText } from "./email-text";

type Interview = { orgName: string; candidateName: string; scheduledAt: Date; timeZone: string; locale?: string | null };

export function removedFromPanelEmail(v: Interview & { panelistName: string; link: string }): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("removedFromPanel.subject", { candidate: v.candidateName }),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      t("removedFromPanel.body", { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) }),
    ],
    action: { label: t("removedFromPanel.action"), url: v.link },
  });
}

export function interviewReminderEmail(v: Interview & { panelistName: string; location: string | null; before: "day" | "hour"; link: string }): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  const values = { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) };
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t(v.before === "day" ? "interviewReminder.subjectDay" : "interviewReminder.subjectHour", values),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      v.location ? t("interviewReminder.bodyWithPlace", { ...values, place: v.location }) : t("interviewReminder.body", values),
      t("interviewReminder.script"),
    ],
    action: { label: t("interviewReminder.action"), url: v.link },
  });
}

export function scorecardEscalationEmail(v: Interview & { managerName: string; panelistName: string; hours: number; link: string }): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  const values = { panelist: v.panelistName, candidate: v.candidateName };
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("scorecardEscalation.subject", values),
    paragraphs: [
      t("hello", { name: v.managerName }),
      t("scorecardEscalation.body", { ...values, when: formatWhen(v.scheduledAt, v.timeZone, locale), hours: v.hours }),
      t("scorecardEscalation.why"),
    ],
    action: { label: t("scorecardEscalation.action"), url: v.link },
  });
}

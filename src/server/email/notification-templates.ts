// One template per notification Panelkit emails. Each takes what the recipient needs to act and the link
// to the page where they act; see render-notification.ts for where the values come from. The words come from
// the "emails" message namespace in the recipient's language (`locale`, English when not given).
import { formatWhen, renderEmail, type RenderedEmail } from "./email-layout";
import { emailText } from "./email-text";

type Locale = { locale?: string | null };

export function invitationEmail(v: { orgName: string; inviterName: string | null; scheduledAt: Date | null; link: string } & Locale): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  const inviter = v.inviterName ?? t("invitation.aColleague");
  const body = v.scheduledAt
    ? t("invitation.bodyWithPanel", { inviter, org: v.orgName, when: formatWhen(v.scheduledAt, "UTC", locale) })
    : t("invitation.body", { inviter, org: v.orgName });
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("invitation.subject", { inviter, org: v.orgName }),
    paragraphs: [body, t("invitation.expiry")],
    action: { label: t("invitation.action"), url: v.link },
    footer: t("invitation.footer"),
  });
}

type PanelFields = { orgName: string; panelistName: string; candidateName: string; scheduledAt: Date; link: string; timeZone?: string } & Locale;

export function addedToPanelEmail(v: PanelFields & { location: string | null }): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  const values = { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) };
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("addedToPanel.subject", { candidate: v.candidateName }),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      v.location ? t("addedToPanel.bodyWithPlace", { ...values, place: v.location }) : t("addedToPanel.body", values),
      t("addedToPanel.script"),
    ],
    action: { label: t("addedToPanel.action"), url: v.link },
  });
}

export function interviewChangedEmail(v: PanelFields & { location: string | null }): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  const values = { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) };
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("interviewChanged.subject", values),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      v.location ? t("interviewChanged.bodyWithPlace", { ...values, place: v.location }) : t("interviewChanged.body", values),
    ],
    action: { label: t("interviewChanged.action"), url: v.link },
  });
}

export function interviewCancelledEmail(v: PanelFields): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("interviewCancelled.subject", { candidate: v.candidateName }),
    paragraphs: [t("hello", { name: v.panelistName }), t("interviewCancelled.body", { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) })],
    action: { label: t("interviewCancelled.action"), url: v.link },
  });
}

/**
 * A refresher suggested from drift: what was seen in the panelist's live ratings, and a practice set aimed at it.
 * (The findings are English sentences from the drift rules still.)
 */
export function practiceRefresherEmail(v: { orgName: string; panelistName: string; findings: string[]; competencies: string[]; link: string } & Locale): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("practiceRefresher.subject"),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      t("practiceRefresher.compared", { findings: v.findings.join("; ") }),
      v.competencies.length ? t("practiceRefresher.setAimed", { competencies: v.competencies.join(", ") }) : t("practiceRefresher.set"),
      t("practiceRefresher.privacy"),
    ],
    action: { label: t("practiceRefresher.action"), url: v.link },
  });
}

export function scorecardOverdueEmail(v: PanelFields): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("scorecardOverdue.subject", { candidate: v.candidateName }),
    paragraphs: [
      t("hello", { name: v.panelistName }),
      t("scorecardOverdue.body", { candidate: v.candidateName, when: formatWhen(v.scheduledAt, v.timeZone, locale) }),
      t("scorecardOverdue.why"),
    ],
    action: { label: t("scorecardOverdue.action"), url: v.link },
  });
}

/** The voluntary equal-opportunities form: optional, separate from the application, seen only in aggregate. */
export function monitoringInviteEmail(v: { orgName: string; candidateName: string; link: string } & Locale): RenderedEmail {
  const { t, locale } = emailText(v.locale);
  return renderEmail({
    orgName: v.orgName,
    locale,
    subject: t("monitoringInvite.subject", { org: v.orgName }),
    paragraphs: [
      t("hello", { name: v.candidateName }),
      t("monitoringInvite.body", { org: v.orgName }),
      t("monitoringInvite.optional"),
      t("monitoringInvite.expiry"),
    ],
    action: { label: t("monitoringInvite.action"), url: v.link },
    footer: t("monitoringInvite.footer"),
  });
}

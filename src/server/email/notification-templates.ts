// One template per notification Panelkit emails. Each takes what the recipient needs to act and the link
// to the page where they act; see render-notification.ts for where the values come from.
import { formatWhen, renderEmail, type RenderedEmail } from "./email-layout";

export function invitationEmail(v: { orgName: string; inviterName: string; scheduledAt: Date | null; link: string }): RenderedEmail {
  const panel = v.scheduledAt ? ` and to sit on an interview panel on ${formatWhen(v.scheduledAt)}` : "";
  return renderEmail({
    orgName: v.orgName,
    subject: `${v.inviterName} invited you to ${v.orgName} on Panelkit`,
    paragraphs: [`${v.inviterName} invited you to join ${v.orgName} on Panelkit${panel}.`, "The link works once and expires in 7 days."],
    action: { label: "Accept the invitation", url: v.link },
    footer: "If you did not expect this email, you can ignore it.",
  });
}

export function addedToPanelEmail(v: { orgName: string; panelistName: string; candidateName: string; scheduledAt: Date; location: string | null; link: string; timeZone?: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `You are on the interview panel for ${v.candidateName}`,
    paragraphs: [
      `Hello ${v.panelistName},`,
      `You have been added to the panel interviewing ${v.candidateName} on ${formatWhen(v.scheduledAt, v.timeZone)}${v.location ? ` (${v.location})` : ""}.`,
      "The interview page has the script; you score independently on the day.",
    ],
    action: { label: "Open the interview", url: v.link },
  });
}

export function interviewChangedEmail(v: { orgName: string; panelistName: string; candidateName: string; scheduledAt: Date; location: string | null; link: string; timeZone?: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `Interview with ${v.candidateName} changed: ${formatWhen(v.scheduledAt, v.timeZone)}`,
    paragraphs: [
      `Hello ${v.panelistName},`,
      `The interview with ${v.candidateName} has changed. It is now on ${formatWhen(v.scheduledAt, v.timeZone)}${v.location ? `, ${v.location}` : ""}.`,
    ],
    action: { label: "Open the interview", url: v.link },
  });
}

export function interviewCancelledEmail(v: { orgName: string; panelistName: string; candidateName: string; scheduledAt: Date; link: string; timeZone?: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `Interview with ${v.candidateName} cancelled`,
    paragraphs: [`Hello ${v.panelistName},`, `The interview with ${v.candidateName} on ${formatWhen(v.scheduledAt, v.timeZone)} is cancelled. You don't need to score it.`],
    action: { label: "See your interviews", url: v.link },
  });
}

/** A refresher suggested from drift: what was seen in the panelist's live ratings, and a practice set aimed at it. */
export function practiceRefresherEmail(v: { orgName: string; panelistName: string; findings: string[]; competencies: string[]; link: string }): RenderedEmail {
  const aimed = v.competencies.length ? ` aimed at ${v.competencies.join(", ")}` : "";
  return renderEmail({
    orgName: v.orgName,
    subject: "A short practice set to recalibrate your ratings",
    paragraphs: [
      `Hello ${v.panelistName},`,
      `Panelkit compared your recent interview ratings with your colleagues' ratings of the same candidates: ${v.findings.join("; ")}.`,
      `A short practice set${aimed} lets you rate sample answers and compare each rating with the reference rating and the reason for it. It takes about fifteen minutes.`,
      "Only you, HR and admins see your practice results.",
    ],
    action: { label: "Start the practice set", url: v.link },
  });
}

export function scorecardOverdueEmail(v: { orgName: string; panelistName: string; candidateName: string; scheduledAt: Date; link: string; timeZone?: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `Please submit your scorecard for ${v.candidateName}`,
    paragraphs: [
      `Hello ${v.panelistName},`,
      `Your scorecard for the interview with ${v.candidateName} on ${formatWhen(v.scheduledAt, v.timeZone)} is not submitted yet.`,
      "Ratings are most accurate soon after the interview, before the panel discusses it.",
    ],
    action: { label: "Finish your scorecard", url: v.link },
  });
}

/** The voluntary equal-opportunities form: optional, separate from the application, seen only in aggregate. */
export function monitoringInviteEmail(v: { orgName: string; candidateName: string; link: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `${v.orgName}: an optional equal-opportunities form`,
    paragraphs: [
      `Hello ${v.candidateName},`,
      `${v.orgName} checks that its hiring treats everyone fairly. This short form asks about you (for example your age band or ethnic group); every question has "Prefer not to say".`,
      "Answering is optional and has no effect on your application: interviewers and hiring managers never see your answers, which are stored encrypted and apart from your application and read only as group totals.",
      "The link works once and expires in 30 days.",
    ],
    action: { label: "Open the form", url: v.link },
    footer: "If you did not apply to this organisation, you can ignore this email.",
  });
}

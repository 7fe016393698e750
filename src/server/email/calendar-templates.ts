// Emails of the calendar and reminders: taken off a panel, the reminders before an interview, and an overdue
// scorecard escalated to the vacancy's hiring manager. Times are in the organisation's zone.
import { formatWhen, renderEmail, type RenderedEmail } from "./email-layout";

type Interview = { orgName: string; candidateName: string; scheduledAt: Date; timeZone: string };

export function removedFromPanelEmail(v: Interview & { panelistName: string; link: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `You are no longer on the panel for ${v.candidateName}`,
    paragraphs: [
      `Hello ${v.panelistName},`,
      `You have been taken off the panel interviewing ${v.candidateName} on ${formatWhen(v.scheduledAt, v.timeZone)}. The event in your calendar is cancelled; you don't need to score this interview.`,
    ],
    action: { label: "See your interviews", url: v.link },
  });
}

export function interviewReminderEmail(v: Interview & { panelistName: string; location: string | null; before: "day" | "hour"; link: string }): RenderedEmail {
  const when = formatWhen(v.scheduledAt, v.timeZone);
  return renderEmail({
    orgName: v.orgName,
    subject: v.before === "day" ? `Tomorrow: interview with ${v.candidateName}` : `In an hour: interview with ${v.candidateName}`,
    paragraphs: [
      `Hello ${v.panelistName},`,
      `Your interview with ${v.candidateName} is on ${when}${v.location ? `, ${v.location}` : ""}.`,
      "The scoring page has the script. Rate each answer on your own during or right after the interview, before the panel talks it over.",
    ],
    action: { label: "Open the scoring page", url: v.link },
  });
}

export function scorecardEscalationEmail(v: Interview & { managerName: string; panelistName: string; hours: number; link: string }): RenderedEmail {
  return renderEmail({
    orgName: v.orgName,
    subject: `Scorecard overdue: ${v.panelistName} on ${v.candidateName}`,
    paragraphs: [
      `Hello ${v.managerName},`,
      `${v.panelistName} has not submitted their scorecard for the interview with ${v.candidateName} on ${formatWhen(v.scheduledAt, v.timeZone)}, ${v.hours} hours after being reminded.`,
      "A decision waits on every counting panelist's independent scorecard; a word from you usually helps.",
    ],
    action: { label: "Open the interview", url: v.link },
  });
}

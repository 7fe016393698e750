// Renders the panel's calendar emails from the current state of the database: added to a panel, the
// interview changed or cancelled, taken off a panel (each with the event, REQUEST or CANCEL, as a
// text/calendar part and invite.ics), the reminders before the interview and an escalated overdue scorecard.
// Null when the notification no longer applies (the seat is gone, the interview was cancelled after a
// change was queued, the scorecard was submitted meanwhile).
import { isLocale } from "@/i18n/config";
import { buildInterviewCalendar, type CalendarMethod } from "@/lib/calendar/interview-calendar";
import type { Db } from "@/server/db";
import { interviewEventSelect, organizerFor, toInterviewEvent, type InterviewEventRow } from "@/server/services/calendar/_shared/interview-event";
import { removedFromPanelEmail, interviewReminderEmail, scorecardEscalationEmail } from "./calendar-templates";
import type { Notification } from "./notification";
import { addedToPanelEmail, interviewCancelledEmail, interviewChangedEmail } from "./notification-templates";
import type { OutgoingEmail } from "./render-notification";
import { isPlaceholderEmail } from "@/server/services/lay-panelists/_shared/lay-link-secrets";

type CalendarKind = "added-to-panel" | "interview-changed" | "interview-cancelled" | "removed-from-panel" | "interview-reminder" | "scorecard-escalation";
export type CalendarNotification = Extract<Notification, { kind: CalendarKind }>;

const KINDS = new Set<string>(["added-to-panel", "interview-changed", "interview-cancelled", "removed-from-panel", "interview-reminder", "scorecard-escalation"]);

export function isCalendarNotification(n: Notification): n is CalendarNotification {
  return KINDS.has(n.kind);
}

const interviewSelect = {
  ...interviewEventSelect,
  org: { select: { name: true, timeZone: true, overdueEscalationHours: true } },
} as const;

function invitation(row: InterviewEventRow & { org: { name: string; timeZone: string } }, base: string, method: Exclude<CalendarMethod, "PUBLISH">, user: { name: string; email: string; locale: string | null }, shadow: boolean) {
  const ics = buildInterviewCalendar({
    method,
    // The event's words in the email's language (the recipient's User.locale).
    locale: isLocale(user.locale) ? user.locale : undefined,
    timeZone: row.org.timeZone,
    organizer: organizerFor(row.org.name),
    events: [{ ...toInterviewEvent(row, base, { name: user.name, email: user.email, shadow }), cancelled: method === "CANCEL" }],
  });
  return { method, ics };
}

type PanelEmailInterview = {
  org: { name: string; timeZone: string };
  candidate: { name: string };
  scheduledAt: Date;
  location: string;
};

/** What every email to a panelist about one interview says: who, whom, when (in the organisation's zone), where. */
export function panelEmailFields(interview: PanelEmailInterview, panelistName: string) {
  return {
    orgName: interview.org.name,
    panelistName,
    candidateName: interview.candidate.name,
    scheduledAt: interview.scheduledAt,
    location: interview.location || null,
    timeZone: interview.org.timeZone,
  };
}

export async function renderCalendarNotification(db: Db, n: CalendarNotification, base: string): Promise<OutgoingEmail | null> {
  if (n.kind === "scorecard-escalation") return renderEscalation(db, n, base);
  const interview = await db.interview.findFirst({ where: { id: n.interviewId, orgId: n.orgId }, select: interviewSelect });
  const user = await db.user.findUnique({ where: { id: n.userId }, select: { name: true, email: true, locale: true } });
  // A panelist without an account given no email has a placeholder address (*.invalid) no message can reach.
  if (!interview || !user || isPlaceholderEmail(user.email)) return null;
  const seat = await db.panelMember.findUnique({
    where: { interviewId_userId: { interviewId: n.interviewId, userId: n.userId } },
    select: { shadow: true },
  });
  // In the panelist's own language (User.locale), as every other email to them.
  const common = { ...panelEmailFields(interview, user.name), locale: user.locale };
  const interviewLink = `${base}/interviews/${n.interviewId}`;
  const version = interview.calendarSequence;
  const cancelled = interview.status === "CANCELLED";
  switch (n.kind) {
    case "removed-from-panel":
      // Back on the panel before this was sent: their added-to-panel email carries the event instead.
      if (seat) return null;
      return {
        to: user.email,
        ...removedFromPanelEmail({ ...common, link: `${base}/my-interviews` }),
        calendar: invitation(interview, base, "CANCEL", user, false),
        version,
      };
    case "added-to-panel":
      if (!seat || cancelled) return null;
      return { to: user.email, ...addedToPanelEmail({ ...common, link: interviewLink }), calendar: invitation(interview, base, "REQUEST", user, seat.shadow), version };
    case "interview-changed":
      if (!seat || cancelled) return null;
      return { to: user.email, ...interviewChangedEmail({ ...common, link: interviewLink }), calendar: invitation(interview, base, "REQUEST", user, seat.shadow), version };
    case "interview-cancelled":
      if (!seat || !cancelled) return null;
      return {
        to: user.email,
        ...interviewCancelledEmail({ ...common, link: `${base}/my-interviews` }),
        calendar: invitation(interview, base, "CANCEL", user, seat.shadow),
        version,
      };
    case "interview-reminder":
      if (!seat || seat.shadow || interview.status !== "SCHEDULED") return null;
      return { to: user.email, ...interviewReminderEmail({ ...common, before: n.before, link: `${interviewLink}/score` }), version };
  }
}

async function renderEscalation(db: Db, n: Extract<Notification, { kind: "scorecard-escalation" }>, base: string): Promise<OutgoingEmail | null> {
  const seat = await db.panelMember.findFirst({
    where: {
      interviewId: n.interviewId,
      userId: n.userId,
      shadow: false,
      interview: { orgId: n.orgId, status: { not: "CANCELLED" }, scorecards: { none: { panelistId: n.userId, status: "SUBMITTED" } } },
    },
    select: { user: { select: { name: true } }, interview: { select: interviewSelect } },
  });
  // Still a member of the organisation, or they hear nothing of its interviews.
  const manager = await db.user.findFirst({
    where: { id: n.managerId, memberships: { some: { orgId: n.orgId } } },
    select: { name: true, email: true, locale: true },
  });
  if (!seat || !manager) return null;
  const { interview } = seat;
  return {
    to: manager.email,
    ...scorecardEscalationEmail({
      orgName: interview.org.name,
      locale: manager.locale,
      managerName: manager.name,
      panelistName: seat.user.name,
      candidateName: interview.candidate.name,
      scheduledAt: interview.scheduledAt,
      timeZone: interview.org.timeZone,
      hours: interview.org.overdueEscalationHours,
      link: `${base}/interviews/${n.interviewId}`,
    }),
  };
}

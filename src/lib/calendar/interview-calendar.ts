// An interview as an iCalendar event (RFC 5545) through ical-generator: one UID per interview, so every
// update or cancellation replaces the same event in a panelist's calendar, and the SEQUENCE the interview
// carries, raised on each change. Times are written in the organisation's zone with its VTIMEZONE (UTC
// organisations get plain UTC times). The description holds what a panelist needs: who, which stage, the
// scoring link. Never the candidate's contact details or notes: a calendar is shared, synced and forwarded.
// Its words are in the recipient's language (the calendarSettings namespace's "ics" messages); English unless told.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";
import { vtimezoneFor } from "./vtimezone";
import { ZonedDate } from "./zoned-date";
import { isRepeatedLocalTime } from "./zoned-time";

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export type InterviewEvent = {
  interviewId: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  cancelled: boolean;
  candidateName: string;
  vacancyTitle: string;
  stageName: string | null;
  location: string;
  /** Absolute links into Panelkit: the interview's page and its scoring page. */
  interviewUrl: string;
  scoringUrl: string;
  /** The panelist this copy is for; absent in a download or a feed (the calendar is theirs already). */
  attendee?: { name: string; email: string; shadow: boolean };
};

export type InterviewCalendar = {
  method: CalendarMethod;
  timeZone: string;
  organizer: { name: string; email: string };
  /** The calendar's name, for feeds (calendarWords(locale)("feedName", { org }) words it). */
  name?: string;
  events: InterviewEvent[];
  /** The recipient's language for the events' text; English when absent. */
  locale?: Locale;
};

type Words = (key: string, values?: Record<string, string>) => string;

/** The calendar's words in `locale` (the calendarSettings namespace's "ics" messages). */
export function calendarWords(locale: Locale = DEFAULT_LOCALE): Words {
  const t = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "calendarSettings.ics" });
  return (key, values) => (t as unknown as Words)(key, values);
}

/** The same UID on every copy of one interview's event, whoever it was sent to and however often. */
export function interviewEventUid(interviewId: string): string {
  return `interview-${interviewId}@panelkit`;
}

export function interviewSummary(event: Pick<InterviewEvent, "candidateName" | "stageName">, t: Words = calendarWords()): string {
  const candidate = event.candidateName;
  return event.stageName ? t("summaryWithStage", { candidate, stage: event.stageName }) : t("summary", { candidate });
}

function description(event: InterviewEvent, t: Words): string {
  const what = { candidate: event.candidateName, vacancy: event.vacancyTitle };
  const kind = event.cancelled ? "cancelled" : "interview";
  return [
    event.stageName ? t(`${kind}WithStage`, { ...what, stage: event.stageName }) : t(kind, what),
    event.location ? t("where", { location: event.location }) : "",
    event.attendee?.shadow ? t("shadow") : "",
    t("score", { url: event.scoringUrl }),
    t("page", { url: event.interviewUrl }),
  ]
    .filter(Boolean)
    .join("\n");
}

/** The calendar as iCalendar text (CRLF lines, folded at 75 octets by ical-generator). */
export function buildInterviewCalendar(input: InterviewCalendar): string {
  const utc = input.timeZone === "UTC" || input.timeZone === "Etc/UTC";
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = calendarWords(locale);
  const calendar = ical({
    prodId: { company: "Panelkit", product: "Interviews", language: locale.toUpperCase() },
    method: ICalCalendarMethod[input.method],
    ...(input.name ? { name: input.name } : {}),
  });
  if (!utc && input.events.length) {
    const starts = input.events.map((e) => e.start.getTime());
    const earliest = new Date(Math.min(...starts));
    const latest = new Date(Math.max(...starts));
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in it, and RFC 5545 wants DTSTAMP
    // in UTC. The generator still adds the VTIMEZONE of each event's zone.
    calendar.timezone({ name: "", generator: (zone) => vtimezoneFor(zone, earliest, latest) });
  }
  for (const event of input.events) {
    const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
    // An event starting or ending in the hour repeated when clocks go back is written in UTC: unambiguous.
    const local = !utc && !isRepeatedLocalTime(input.timeZone, event.start) && !isRepeatedLocalTime(input.timeZone, end);
    const when = (date: Date) => (local ? new ZonedDate(date, input.timeZone) : date);
    const vevent = calendar.createEvent({
      id: interviewEventUid(event.interviewId),
      sequence: event.sequence,
      start: when(event.start),
      end: when(end),
      ...(local ? { timezone: input.timeZone } : {}),
      stamp: new Date(),
      summary: interviewSummary(event, t),
      description: description(event, t),
      location: event.location || null,
      url: event.scoringUrl,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: input.organizer,
    });
    if (event.attendee) {
      vevent.createAttendee({
        name: event.attendee.name,
        email: event.attendee.email,
        role: event.attendee.shadow ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // Replies would go to the organiser's address, which is Panelkit's sending address: nobody reads it.
        rsvp: false,
      });
    }
  }
  return calendar.toString();
}

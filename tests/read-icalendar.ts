// Reads iCalendar text back with ical.js, an independent parser (Mozilla's, used by Thunderbird), so the
// calendar tests check what a calendar client would understand rather than the text ical-generator wrote.
import ICAL from "ical.js";

export type ReadEvent = {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  /** The TZID the start is written in (null for UTC). */
  tzid: string | null;
  start: Date;
  end: Date;
  attendees: string[];
  organizer: string | null;
};

export function readICalendar(text: string): { method: string | null; timezones: string[]; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents("vtimezone").map((zone) => {
    const tz = new ICAL.Timezone(zone);
    // Registered so the events' TZID resolves to the VTIMEZONE of this very file, not a built-in table.
    ICAL.TimezoneService.register(tz, zone.getFirstPropertyValue("tzid") as string);
    return tz.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty("dtstart");
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      summary: event.summary,
      description: event.description,
      location: event.location ?? null,
      url: (vevent.getFirstPropertyValue("url") as string | null) ?? null,
      tzid: (dtstart?.getParameter("tzid") as string | undefined) ?? null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, "").toLowerCase()),
      organizer: ((vevent.getFirstPropertyValue("organizer") as string | null) ?? "").replace(/^mailto:/i, "") || null,
    };
  });
  return { method: (calendar.getFirstPropertyValue("method") as string | null) ?? null, timezones, events };
}

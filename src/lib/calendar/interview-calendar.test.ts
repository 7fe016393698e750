import { describe, expect, it } from "vitest";
import { readICalendar } from "../../../tests/read-icalendar";
import { buildInterviewCalendar, type InterviewEvent } from "./interview-calendar";

const organizer = { name: "Acme Care", email: "no-reply@panelkit.invalid" };

const event = (over: Partial<InterviewEvent> = {}): InterviewEvent => ({
  interviewId: "int1",
  sequence: 3,
  start: new Date("2026-06-10T09:30:00Z"),
  durationMinutes: 45,
  cancelled: false,
  candidateName: "Sam Candidate",
  vacancyTitle: "Crisis Worker",
  stageName: "First interview",
  location: "https://meet.example/abc",
  interviewUrl: "https://panelkit.example/interviews/int1",
  scoringUrl: "https://panelkit.example/interviews/int1/score",
  attendee: { name: "Ada Panelist", email: "ada@example.org", shadow: false },
  ...over,
});

const read = (timeZone: string, events: InterviewEvent[], method: "REQUEST" | "CANCEL" | "PUBLISH" = "REQUEST") =>
  readICalendar(buildInterviewCalendar({ method, timeZone, organizer, events }));

describe("an interview's calendar invitation", () => {
  it("is a REQUEST with the interview's UID, its SEQUENCE, the place, the scoring link and the one attendee", () => {
    const { method, events } = read("Europe/London", [event()]);
    expect(method).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      uid: "interview-int1@panelkit",
      sequence: 3,
      status: "CONFIRMED",
      summary: "Interview: Sam Candidate (First interview)",
      location: "https://meet.example/abc",
      url: "https://panelkit.example/interviews/int1/score",
      attendees: ["ada@example.org"],
      organizer: "no-reply@panelkit.invalid",
    });
    expect(e!.description).toContain("Score the interview: https://panelkit.example/interviews/int1/score");
    expect(e!.end.getTime() - e!.start.getTime()).toBe(45 * 60_000);
  });

  it.each([
    // Europe/London: the Sunday clocks go forward (29 March 2026) and back (25 October 2026), and the days around.
    ["Europe/London", "2026-03-28T10:00:00Z", "20260328T100000"],
    ["Europe/London", "2026-03-29T10:00:00Z", "20260329T110000"],
    ["Europe/London", "2026-10-24T10:00:00Z", "20261024T110000"],
    ["Europe/London", "2026-10-25T10:00:00Z", "20261025T100000"],
    // America/New_York changes on other dates (8 March, 1 November 2026).
    ["America/New_York", "2026-03-07T15:00:00Z", "20260307T100000"],
    ["America/New_York", "2026-03-09T14:00:00Z", "20260309T100000"],
    ["America/New_York", "2026-11-02T15:00:00Z", "20261102T100000"],
    // No daylight saving at all, and a half-hour zone.
    ["Asia/Kolkata", "2026-06-10T04:30:00Z", "20260610T100000"],
  ])("in %s, an interview at %s is written in local time (%s) and read back at the same instant", (zone, instant, local) => {
    const text = buildInterviewCalendar({ method: "REQUEST", timeZone: zone, organizer, events: [event({ start: new Date(instant) })] });
    expect(text).toContain(`DTSTART;TZID=${zone}:${local}`);
    const { timezones, events } = readICalendar(text);
    expect(timezones).toEqual([zone]);
    expect(events[0]!.tzid).toBe(zone);
    expect(events[0]!.start.toISOString()).toBe(new Date(instant).toISOString());
  });

  it("spans a change of the clocks by its real length (an interview across the October change in London)", () => {
    const start = new Date("2026-10-25T00:30:00Z"); // 01:30 BST; the clocks go back at 02:00 BST
    const text = buildInterviewCalendar({ method: "REQUEST", timeZone: "Europe/London", organizer, events: [event({ start, durationMinutes: 90 })] });
    // 01:30 happens twice that night: the start is written in UTC, which no client can read two ways.
    expect(text).toContain("DTSTART:20261025T003000Z");
    const { events } = readICalendar(text);
    expect(events[0]!.start.toISOString()).toBe(start.toISOString());
    expect(events[0]!.end.toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("in UTC writes UTC times without a VTIMEZONE, and DTSTAMP is always UTC", () => {
    const text = buildInterviewCalendar({ method: "REQUEST", timeZone: "UTC", organizer, events: [event()] });
    expect(text).toContain("DTSTART:20260610T093000Z");
    expect(text).not.toContain("VTIMEZONE");
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(buildInterviewCalendar({ method: "REQUEST", timeZone: "Europe/Paris", organizer, events: [event()] })).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it("is a CANCEL with STATUS:CANCELLED, the same UID and the raised sequence on cancellation", () => {
    const { method, events } = read("America/New_York", [event({ cancelled: true, sequence: 4 })], "CANCEL");
    expect(method).toBe("CANCEL");
    expect(events[0]).toMatchObject({ uid: "interview-int1@panelkit", sequence: 4, status: "CANCELLED" });
  });

  it("never carries anything but the event: no stray text sneaks in through names or places (folded, escaped)", () => {
    const tricky = event({ candidateName: "O'Brien; Nuñez, Zoë", location: "Room 4\nBEGIN:VALARM" });
    const { events } = read("Europe/London", [tricky]);
    expect(events[0]!.summary).toBe("Interview: O'Brien; Nuñez, Zoë (First interview)");
    expect(events[0]!.location).toBe("Room 4\nBEGIN:VALARM");
  });

  it("marks a shadow's seat as optional and says their scorecard never counts", () => {
    const text = buildInterviewCalendar({ method: "REQUEST", timeZone: "UTC", organizer, events: [event({ attendee: { name: "S", email: "s@example.org", shadow: true } })] });
    expect(text).toContain("ROLE=OPT-PARTICIPANT");
    expect(readICalendar(text).events[0]!.description).toContain("as a shadow");
  });

  it("words the event in the recipient's language: English exactly as before, Spanish when asked", () => {
    const english = read("UTC", [event({ cancelled: true, attendee: { name: "S", email: "s@example.org", shadow: true } })])!.events[0]!;
    expect(english.description).toBe(
      [
        "Cancelled: interview with Sam Candidate for Crisis Worker, stage First interview.",
        "Where: https://meet.example/abc",
        "You sit on this panel as a shadow: your scorecard is for practice and never counts.",
        "Score the interview: https://panelkit.example/interviews/int1/score",
        "Interview page: https://panelkit.example/interviews/int1",
      ].join("\n"),
    );
    const text = buildInterviewCalendar({ method: "PUBLISH", timeZone: "UTC", organizer, events: [event({ stageName: null, attendee: undefined })], locale: "es" });
    const [spanish] = readICalendar(text).events;
    expect(spanish!.summary).toBe("Entrevista: Sam Candidate");
    expect(spanish!.description).toBe(
      [
        "Entrevista con Sam Candidate para Crisis Worker.",
        "Lugar: https://meet.example/abc",
        "Puntúe la entrevista: https://panelkit.example/interviews/int1/score",
        "Página de la entrevista: https://panelkit.example/interviews/int1",
      ].join("\n"),
    );
    expect(text).toContain("//Panelkit//Interviews//ES");
  });
});

// A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the platform's time-zone data: one
// observance from the start of the covered years, then one per offset change (daylight saving starting or
// ending) with its exact local start. Explicit observances rather than yearly rules, so a zone whose rules
// changed in between is still described as it really was.
import { offsetMinutes } from "./zoned-time";

const DAY = 86_400_000;

/** "+0100", "-0500", "+0530". */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The local date-time (no zone) of `instant` shifted by `minutes`, as iCalendar writes it. */
function localText(instant: number, minutes: number): string {
  return new Date(instant + minutes * 60_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

type Transition = { at: number; from: number; to: number };

const cache = new Map<string, Transition[]>();

/** Offset changes of `timeZone` from `from` to `to` (to the minute), found day by day then by halving. */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const key = `${timeZone}|${from}|${to}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  let before = offsetMinutes(timeZone, new Date(from));
  for (let day = from + DAY; day <= to; day += DAY) {
    const after = offsetMinutes(timeZone, new Date(day));
    if (after === before) continue;
    let low = day - DAY;
    let high = day;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(timeZone, new Date(middle)) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: before, to: after });
    before = after;
  }
  cache.set(key, found);
  return found;
}

/**
 * The VTIMEZONE of `timeZone` covering the years from the one before `earliest` to the one after `latest`
 * (a calendar may show the event next to others, and a recurring look at last year's costs nothing).
 */
export function vtimezoneFor(timeZone: string, earliest: Date, latest: Date): string {
  const from = Date.UTC(earliest.getUTCFullYear() - 1, 0, 1);
  const to = Date.UTC(latest.getUTCFullYear() + 2, 0, 1);
  const first = offsetMinutes(timeZone, new Date(from));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", start: string, fromOffset: number, toOffset: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  const changes = transitions(timeZone, from, to);
  // Before the first change: standard time if the first change moves clocks forward, daylight time otherwise.
  const firstKind = changes[0] && changes[0].to < changes[0].from ? "DAYLIGHT" : "STANDARD";
  observance(firstKind, localText(from, first), first, first);
  for (const change of changes) {
    observance(change.to > change.from ? "DAYLIGHT" : "STANDARD", localText(change.at, change.from), change.from, change.to);
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\n");
}

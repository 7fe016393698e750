// Wall-clock time in an IANA time zone, from the platform's own time-zone data (Intl): the offset at an
// instant, the local date and time parts, and whether a zone name is one the platform knows.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The date and time a clock in `timeZone` shows at `instant` (month 1–12). */
export function wallClock(timeZone: string, instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (London in summer: 60; New York in winter: -300). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** Whether the platform knows `timeZone` as an IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone the platform lists, with UTC first (the default of a new organisation). */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/**
 * Whether the local time `instant` shows in `timeZone` happens twice (the hour repeated when clocks go
 * back). Written as local time it would be read as its first occurrence (RFC 5545 §3.3.5), or its second
 * by some clients; such a time is written in UTC instead.
 */
export function isRepeatedLocalTime(timeZone: string, instant: Date): boolean {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const own = Math.floor(instant.getTime() / 1000) * 1000;
  for (const around of [-6, 6]) {
    const candidate = asUtc - offsetMinutes(timeZone, new Date(own + around * 3_600_000)) * 60_000;
    if (candidate !== own) {
      const other = wallClock(timeZone, new Date(candidate));
      if (Object.keys(w).every((key) => w[key as keyof WallClock] === other[key as keyof WallClock])) return true;
    }
  }
  return false;
}

"use client";
// A date and time in the reader's own time zone (the server can't know it), as a <time> element.
const FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const DATE_ONLY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

export function When({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {date.toLocaleString(undefined, dateOnly ? DATE_ONLY : FORMAT)}
    </time>
  );
}

"use client";
// A date and time in the reader's own time zone (the server can't know it), as a <time> element.
const FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const DATE_ONLY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

// One formatter per format, made on first use: `toLocaleString(locale, options)` builds a new one on every
// call (the browser's first one also loads its locale data), which on a list of interviews held up the page.
const formatters: { full?: Intl.DateTimeFormat; dateOnly?: Intl.DateTimeFormat } = {};

function formatWhen(date: Date, dateOnly: boolean): string {
  const formatter = dateOnly
    ? (formatters.dateOnly ??= new Intl.DateTimeFormat(undefined, DATE_ONLY))
    : (formatters.full ??= new Intl.DateTimeFormat(undefined, FORMAT));
  return formatter.format(date);
}

export function When({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {formatWhen(date, dateOnly)}
    </time>
  );
}

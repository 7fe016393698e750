"use client";
// A date and time in the reader's own time zone (the server can't know it), as a <time> element, written in
// the page's language.
import { useLocale } from "next-intl";

const FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const DATE_ONLY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

// One formatter per format and language, made on first use: `toLocaleString(locale, options)` builds a new one
// on every call (the browser's first one also loads its locale data), which on a list of interviews held up the page.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatWhen(date: Date, dateOnly: boolean, locale: string): string {
  const key = `${locale}:${dateOnly ? "date" : "full"}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, dateOnly ? DATE_ONLY : FORMAT)));
  return formatter.format(date);
}

export function When({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  const locale = useLocale();
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {formatWhen(date, dateOnly, locale)}
    </time>
  );
}

// Named date, time and number formats shared by pages (next-intl's format.dateTime(d, "date")), client
// components and emails, so every screen writes a date the same way for its language. Times are shown in
// the organisation's time zone (request.ts passes it as the request's timeZone).
import type { Formats } from "next-intl";

export const FORMATS = {
  dateTime: {
    /** 5 Dec 2026 · 5 dic 2026 */
    date: { day: "numeric", month: "short", year: "numeric" },
    /** Saturday 5 December 2026 · sábado, 5 de diciembre de 2026 */
    longDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    /** 5 Dec 2026, 14:30 */
    dateTime: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" },
    /** Sat 5 Dec, 14:30: a slot in a schedule this year */
    slot: { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
    time: { hour: "numeric", minute: "2-digit" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    oneDecimal: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;

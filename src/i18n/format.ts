// Dates, times and numbers for the reader's language, outside React: emails, exports, jobs. Pages use
// next-intl's own getFormatter() (server) or useFormatter() (client), which carry the same named formats
// (formats.ts) and the request's language and organisation time zone.
import { createFormatter } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { FORMATS } from "./formats";

export type Formatter = ReturnType<typeof createFormatter>;

/** A formatter writing in `locale` (English for anything unsupported) with times in `timeZone`. */
export function formatterFor(locale: string | null | undefined, timeZone = "UTC"): Formatter {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createFormatter({ locale: chosen, timeZone, formats: FORMATS });
}

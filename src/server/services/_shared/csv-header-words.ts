// The words of the CSV exports' header rows in the reader's language (issue 23; messages: exports.*). Only the
// header row is translated: the data cells (codes, figures, dates, the screen's status words) stay as they are,
// so a spreadsheet or program reading the English file reads the Spanish one the same way, column for column.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";

export type HeaderWords = (key: string, values?: Record<string, string | number>) => string;

/** The exports namespace's translator for `locale` (English by default: the file every test and script knows). */
export function headerWords(locale: Locale = DEFAULT_LOCALE): HeaderWords {
  const t = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "exports" });
  return (key, values) => t(key as never, values as never);
}

/** A raw (snake_case) header row: each column code in the reader's language. */
export function rawHeader(words: HeaderWords, codes: readonly string[]): string[] {
  return codes.map((code) => words(`raw.${code}`));
}

import { stringify } from "csv-stringify/sync";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { resolveLocale, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";
import { guardCell } from "@/lib/csv/guard-cell";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { getPracticeResults } from "./get-practice-results";

const number2 = (value: number | null) => (value === null ? "" : value.toFixed(2));

/** The header row's message keys (training.csv.*), in column order. */
const COLUMNS = ["panelist", "script", "sessions", "lastPractice", "readiness", "meanAbsDiff", "bias", "separation", "trend"] as const;

/**
 * The practice results page as a CSV file (same rows, HR and admins only); text cells guarded against formulas.
 * The header row is in the requester's language: their saved one, else the language the page was shown in
 * (`input.locale`, which the page resolved from the NEXT_LOCALE cookie or Accept-Language). The rows are the
 * same in every language (0.75, ISO dates, the readiness as the server words it), so a spreadsheet or script
 * reading them needs no language of its own.
 */
export async function practiceResultsCsv(db: Db, actor: Actor, input?: { locale?: Locale }): Promise<{ fileName: string; csv: string }> {
  const [results, user] = await Promise.all([
    getPracticeResults(db, actor),
    db.user.findUnique({ where: { id: actor.userId }, select: { locale: true } }),
  ]);
  const locale = resolveLocale({ userLocale: user?.locale, cookie: input?.locale });
  const t = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "training.csv" });
  const words = t as unknown as (key: string) => string;
  const header = COLUMNS.map((column) => words(column));
  const rows = results.rows.map((r) => [
    guardCell(r.name),
    guardCell(r.scriptTitle),
    String(r.sessions),
    r.lastPracticeAt.toISOString().slice(0, 10),
    guardCell(r.readiness ?? "Not required"),
    number2(r.meanAbsDiff),
    number2(r.bias),
    number2(r.separation),
    r.trend.map((v) => v.toFixed(2)).join(" "),
  ]);
  const day = new Date().toISOString().slice(0, 10);
  return { fileName: `practice-results-${day}.csv`, csv: stringify([header, ...rows]) };
}

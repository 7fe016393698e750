// How the fairness report's figures read on the page, in the reader's language: suppressed cells say "fewer
// than N", missing ones a dash; numbers are written the reader's way (0.56 / 0,56; 38% / 38 %).
import { getLocale } from "next-intl/server";
import { isLocale } from "@/i18n/config";
import { fairnessWords, fixedNumber, type FairnessWords } from "@/server/services/monitoring/_shared/fairness-readings";

export const dash = "–";

/** The report's words (fairness.report, the monitoring form's names, numbers) in the request's language. */
export async function readerWords(): Promise<FairnessWords> {
  const locale = await getLocale();
  return fairnessWords(isLocale(locale) ? locale : undefined);
}

export function countText(value: number | null, hidden: boolean, hiddenText: string, w: FairnessWords): string {
  if (hidden) return hiddenText;
  return value === null ? dash : w.number(value);
}

export function rateText(rate: number | null, hidden: boolean, hiddenText: string, w: FairnessWords): string {
  if (rate === null) return hidden ? hiddenText : dash;
  return w.number(rate, { style: "percent", maximumFractionDigits: 0 });
}

export function fixed(value: number | null, w: FairnessWords, digits = 2): string {
  return value === null ? dash : fixedNumber(w, value, digits);
}

export function pText(p: number | null, w: FairnessWords): string {
  if (p === null) return dash;
  return p < 0.001 ? w.t("pBelow", { p: fixedNumber(w, 0.001, 3) }) : fixedNumber(w, p, 3);
}

/** The query string the page, its filters and the CSV export share. */
export function reportQuery(filters: { vacancy?: string; from?: string; to?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

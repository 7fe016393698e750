// The calibration figures' one-line readings in the reader's language (messages: calibration.alphaText.*,
// calibration.intervalText.*): the same cases, in the same order, as readAlpha (krippendorff-alpha.ts) and
// readInterval (alpha-interval.ts), which write them in English for the server's other readers.
import type { Calibration } from "../_components/insights-format";
import type { CalibrationFigures } from "./use-calibration-figures";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Alpha = { alpha: number | null; reading: string; pairableValues: number };
type Interval = Calibration["overall"]["interval"];
type Figures = Pick<CalibrationFigures, "mean" | "plain" | "percent">;

export function alphaText(t: Translate, a: Alpha): string {
  if (a.alpha === null) return t(a.pairableValues < 2 ? "alphaText.fewItems" : "alphaText.allSame");
  if (a.reading === "unreliable") return t(Math.round(a.alpha * 1000) / 1000 < 0 ? "alphaText.worseThanChance" : "alphaText.unreliable");
  return t(a.reading === "reliable" ? "alphaText.reliable" : "alphaText.tentative");
}

export function intervalText(t: Translate, i: Interval, figures: Figures): string {
  if (i.low === null || i.high === null || i.probabilityBelow === null) return t("intervalText.tooFew");
  const values = { low: figures.mean(i.low, 2), high: figures.mean(i.high, 2), minimum: figures.plain(i.minimum) };
  if (i.high < i.minimum) return t("intervalText.below", values);
  if (i.low >= 0.8) return t("intervalText.reliable", values);
  if (i.low >= i.minimum) return t("intervalText.tentative", values);
  const p = i.probabilityBelow;
  const chance = p < 0.01 && p > 0 ? t("intervalText.under1") : p > 0.99 && p < 1 ? t("intervalText.over99") : figures.percent(p);
  return t("intervalText.unsure", { ...values, chance });
}

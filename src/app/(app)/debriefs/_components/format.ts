// How the debrief pages write figures: two decimals in the reader's language (2.58, 2,58), a dash for none.
import type { useFormatter } from "next-intl";

/** next-intl's formatter (useFormatter() in a component, getFormatter() on a server page). */
export type NumberFormatter = Pick<ReturnType<typeof useFormatter>, "number">;

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

export function figure(value: number | null | undefined, format: NumberFormatter): string {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? format.number(value, { useGrouping: false }) : format.number(value, TWO_DECIMALS);
}

/** Krippendorff's alpha as the page shows it: three decimals, a dash for none. */
export function alphaFigure(alpha: number | null, format: NumberFormatter): string {
  return alpha === null ? "—" : format.number(alpha, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

type AlphaReading = "reliable" | "tentative" | "unreliable" | "not enough data";

/** The message key of an agreement reading (debriefs.mechanical.reading.*). */
export function readingKey(reading: AlphaReading): "reliable" | "tentative" | "unreliable" | "notEnough" {
  return reading === "not enough data" ? "notEnough" : reading;
}

/**
 * The message key of the sentence explaining the agreement (debriefs.mechanical.alphaText.*): the same cases as
 * readAlpha (src/lib/statistics/krippendorff-alpha.ts), which writes them in English for the server.
 */
export function alphaTextKey(alpha: { alpha: number | null; reading: AlphaReading; pairableValues: number }) {
  if (alpha.alpha === null) return alpha.pairableValues < 2 ? "fewItems" : "allSame";
  if (alpha.reading === "unreliable") return Math.round(alpha.alpha * 1000) / 1000 < 0 ? "worseThanChance" : "unreliable";
  return alpha.reading === "not enough data" ? "allSame" : alpha.reading;
}

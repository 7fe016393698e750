// How the debrief pages write figures: two decimals, a dash for none.
export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
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

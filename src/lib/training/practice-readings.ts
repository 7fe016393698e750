/**
 * A practice session's figures in plain words a panelist can act on: how far their ratings were from the
 * reference, which way they lean, how well they tell weak answers from strong ones, and where they were
 * furthest off. The figures come from practiceAccuracy (practice-accuracy.ts); these are only their readings.
 */
import type { CompetencyAccuracy } from "./practice-accuracy";

/** A lean smaller than this (in scale levels) is read as no lean at all. */
export const EVEN_BIAS = 0.25;

const levels = (value: number) => `${value.toFixed(2)} of a level`;
export const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(2)}`;

export function distanceReading(meanAbsDiff: number, against = "the reference"): string {
  const size =
    meanAbsDiff <= 0.25
      ? `Your ratings were very close to ${against}.`
      : meanAbsDiff <= 0.5
        ? `Your ratings were close to ${against}.`
        : meanAbsDiff <= 1
          ? `Your ratings were often a level away from ${against}.`
          : `Your ratings were usually a level or more away from ${against}.`;
  return `${size} On average each rating was ${levels(meanAbsDiff)} from it.`;
}

export type Lean = "lenient" | "severe" | "even";

export function leanOf(bias: number): Lean {
  if (bias >= EVEN_BIAS) return "lenient";
  if (bias <= -EVEN_BIAS) return "severe";
  return "even";
}

export function biasReading(bias: number, against = "the reference"): string {
  switch (leanOf(bias)) {
    case "lenient":
      return `Lenient: you rated above ${against} by ${levels(bias)} on average. Look for the evidence the anchor asks for before giving the higher level.`;
    case "severe":
      return `Severe: you rated below ${against} by ${levels(-bias)} on average. Check whether the answer already shows what the anchor describes before marking it down.`;
    default:
      return `Even: no clear lean either way (${signed(bias)} on average).`;
  }
}

/** `separation` is the correlation with the reference; null with the reason practiceAccuracy gave. */
export function separationReading(separation: number | null, reason: string | null, against = "the reference"): string {
  if (separation === null) return reason ?? "There were too few ratings to tell how well you separate weak answers from strong ones.";
  const r = separation.toFixed(2);
  if (separation >= 0.8) return `You tell weak answers from strong ones well: your ratings rise and fall with ${against} (correlation ${r}).`;
  if (separation >= 0.5) return `You partly tell weak answers from strong ones (correlation ${r}): some weaker and stronger answers got similar ratings.`;
  if (separation > 0) return `Your ratings say little about which answers were stronger (correlation ${r}): compare each answer with the anchors, not with the last answer.`;
  return `Your ratings did not follow ${against}'s order of weak and strong answers (correlation ${r}): read the anchors of each level again.`;
}

export function furthestOffReading(furthest: ReadonlyArray<Omit<CompetencyAccuracy, "competency"> & { name: string }>): string {
  if (furthest.length === 0) return "Every rating matched the reference.";
  const parts = furthest.map((c) => {
    const lean = leanOf(c.bias);
    const direction = lean === "lenient" ? ", rating high" : lean === "severe" ? ", rating low" : "";
    return `${c.name} (${levels(c.meanAbsoluteDifference)} off on average over ${c.n} rating${c.n === 1 ? "" : "s"}${direction})`;
  });
  return `Furthest off: ${parts.join("; ")}.`;
}

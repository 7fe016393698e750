/**
 * A practice session's figures in plain words a panelist can act on, in the reader's language: how far their
 * ratings were from the reference, which way they lean, how well they tell weak answers from strong ones, and
 * where they were furthest off. The figures come from practiceAccuracy (practice-accuracy.ts); these are only
 * their readings. `say` is a translator over a readings group (training.json's `readings` against the
 * reference; interviews.json's `shadow.readings` against the panel's mean), `two` writes a figure to two
 * decimals (0.75 · 0,75).
 */
import type { PracticeFigures } from "@/lib/schemas/training";
import { MIN_PAIRS_FOR_SEPARATION } from "./practice-accuracy";

/** A lean smaller than this (in scale levels) is read as no lean at all. */
export const EVEN_BIAS = 0.25;

export type Lean = "lenient" | "severe" | "even";

export function leanOf(bias: number): Lean {
  if (bias >= EVEN_BIAS) return "lenient";
  if (bias <= -EVEN_BIAS) return "severe";
  return "even";
}

type Say = (key: string, values?: Record<string, string | number>) => string;
type Figures = Pick<PracticeFigures, "meanAbsDiff" | "bias" | "separation" | "separationNote" | "separationReason" | "separationValue" | "furthestOff">;

export type Readings = { distance: string; bias: string; separation: string };

export function practiceReadings(figures: Figures, say: Say, two: (value: number) => string): Readings {
  const levels = (value: number) => say("levels", { value: two(value) });
  const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${two(Math.abs(value))}`;
  const mad = figures.meanAbsDiff;
  const size = mad <= 0.25 ? "veryClose" : mad <= 0.5 ? "close" : mad <= 1 ? "often" : "usually";
  const lean = leanOf(figures.bias);
  const s = figures.separation;
  return {
    distance: `${say(size)} ${say("average", { levels: levels(mad) })}`,
    bias: lean === "even" ? say("even", { signed: signed(figures.bias) }) : say(lean, { levels: levels(Math.abs(figures.bias)) }),
    separation:
      s === null
        ? separationNote(figures, say, two)
        : say(s >= 0.8 ? "separatesWell" : s >= 0.5 ? "separatesPartly" : s > 0 ? "separatesLittle" : "separatesNot", { r: two(s) }),
  };
}

/** "Furthest off: Empathy (1.00 of a level off on average over 3 ratings, rating high)." (practice sessions only). */
export function furthestReading(furthestOff: Figures["furthestOff"], say: Say, two: (value: number) => string): string {
  const parts = furthestOff.map((c) =>
    say("furthestPart", { name: c.name, levels: say("levels", { value: two(c.meanAbsoluteDifference) }), n: c.n, lean: leanOf(c.bias) }),
  );
  return parts.length === 0 ? say("allMatched") : say("furthest", { parts: parts.join("; ") });
}

/** Why there is no separation figure (the server's English note for a reason this does not know). */
function separationNote(figures: Figures, say: Say, two: (value: number) => string): string {
  const value = figures.separationValue ?? 0;
  // A level is whole for references, a mean of the panel's ratings may not be (2.5 · 2,5).
  const level = Number.isInteger(value) ? String(value) : two(value);
  switch (figures.separationReason) {
    case "too-few-pairs":
      return say("tooFewPairs", { min: MIN_PAIRS_FOR_SEPARATION, n: value });
    case "reference-no-variance":
      return say("referenceSame", { level });
    case "rater-no-variance":
      return say("raterSame", { level });
    default:
      return figures.separationNote ?? say("tooFew");
  }
}

/**
 * Accuracy figures for a practice session (frame-of-reference training): a panelist rates written practice
 * answers on the script's anchors, and each rating is compared with the answer's reference rating.
 *
 * The figures are the kinds of accuracy rater-training studies measure against expert ratings: how far off
 * the ratings are on average, whether they lean one way, and whether they put answers in the same order as
 * the reference (a correlation). A rater who gives every answer a 3 can look "close on average" while
 * telling nothing apart, which is why separation is reported apart from the distance.
 */

import { RATING_LEVELS } from "@/lib/rating-scale";

/**
 * One rating of one competency on one practice answer, next to that answer's reference rating. A shadow's
 * reference is the panel's mean rating of the cell, which can fall between levels (`meanReferences`).
 */
export type PracticePair = { competency: string; rating: number; reference: number };

export type AccuracyOptions = {
  furthestOffLimit?: number;
  /** References are means of several raters' levels (a shadow compared with the panel): any value from 1 to 4. */
  meanReferences?: boolean;
};

export type SeparationReason = "too-few-pairs" | "reference-no-variance" | "rater-no-variance";

/**
 * Pearson correlation between the panelist's ratings and the references: near 1 when the panelist ranks
 * weak and strong answers the way the reference does, near 0 when their ratings say nothing about it.
 */
export type Separation =
  | { correlation: number; reason: null; text: null }
  | { correlation: null; reason: SeparationReason; text: string };

export type CompetencyAccuracy = {
  competency: string;
  /** Ratings of this competency in the session. */
  n: number;
  meanAbsoluteDifference: number;
  /** Mean of (rating − reference) for this competency; positive = lenient. */
  bias: number;
};

export type PracticeAccuracy = {
  /** Ratings compared. */
  n: number;
  /** Mean of |rating − reference|, in scale levels; null with no ratings. */
  meanAbsoluteDifference: number | null;
  /** Mean of (rating − reference): positive = lenient (rates above the reference), negative = severe. */
  bias: number | null;
  separation: Separation;
  /** The competencies with the largest mean absolute difference (only those that were off at all), worst first. */
  furthestOff: CompetencyAccuracy[];
};

/** Separation needs a handful of pairs: with two, any two different ratings correlate perfectly. */
export const MIN_PAIRS_FOR_SEPARATION = 3;

const LEVELS: ReadonlySet<number> = new Set(RATING_LEVELS.map((l) => l.level));

export function practiceAccuracy(pairs: readonly PracticePair[], options: AccuracyOptions = {}): PracticeAccuracy {
  const limit = options.furthestOffLimit ?? 3;
  for (const pair of pairs) checkPair(pair, options.meanReferences);
  const n = pairs.length;
  if (n === 0) {
    return { n, meanAbsoluteDifference: null, bias: null, separation: separation(pairs), furthestOff: [] };
  }
  return {
    n,
    meanAbsoluteDifference: mean(pairs.map((p) => Math.abs(p.rating - p.reference))),
    bias: mean(pairs.map((p) => p.rating - p.reference)),
    separation: separation(pairs),
    furthestOff: byCompetency(pairs, options.meanReferences)
      .filter((c) => c.meanAbsoluteDifference > 0)
      .sort(
        (a, b) =>
          b.meanAbsoluteDifference - a.meanAbsoluteDifference || b.n - a.n || a.competency.localeCompare(b.competency),
      )
      .slice(0, limit),
  };
}

/** Per competency, in order of first appearance. */
export function byCompetency(pairs: readonly PracticePair[], meanReferences = false): CompetencyAccuracy[] {
  const groups = new Map<string, PracticePair[]>();
  for (const pair of pairs) {
    checkPair(pair, meanReferences);
    const list = groups.get(pair.competency) ?? [];
    list.push(pair);
    groups.set(pair.competency, list);
  }
  return [...groups].map(([competency, list]) => ({
    competency,
    n: list.length,
    meanAbsoluteDifference: mean(list.map((p) => Math.abs(p.rating - p.reference))),
    bias: mean(list.map((p) => p.rating - p.reference)),
  }));
}

export type BiasDirection = "lenient" | "severe" | "even";

/** Which way a bias leans. Exact zero only: the page shows the figure, and rounding is its business. */
export function biasDirection(bias: number): BiasDirection {
  if (bias > 0) return "lenient";
  if (bias < 0) return "severe";
  return "even";
}

function separation(pairs: readonly PracticePair[]): Separation {
  const n = pairs.length;
  if (n < MIN_PAIRS_FOR_SEPARATION) {
    return {
      correlation: null,
      reason: "too-few-pairs",
      text: `Telling weak answers from strong ones needs at least ${MIN_PAIRS_FOR_SEPARATION} ratings; this session has ${n}.`,
    };
  }
  const ratings = pairs.map((p) => p.rating);
  const references = pairs.map((p) => p.reference);
  // The references are checked first: if they do not vary, the session (not the rater) is what cannot
  // show separation, whatever the rater did.
  if (new Set(references).size === 1) {
    return {
      correlation: null,
      reason: "reference-no-variance",
      text: `Every answer in this session has the same reference rating (${references[0]}), so there were no weaker and stronger answers to tell apart.`,
    };
  }
  if (new Set(ratings).size === 1) {
    return {
      correlation: null,
      reason: "rater-no-variance",
      text: `You gave every answer the same rating (${ratings[0]}), so your ratings cannot tell weak answers from strong ones: use the whole scale where the anchors call for it.`,
    };
  }
  const meanRating = mean(ratings);
  const meanReference = mean(references);
  let products = 0;
  let ratingSquares = 0;
  let referenceSquares = 0;
  for (const { rating, reference } of pairs) {
    const dr = rating - meanRating;
    const dref = reference - meanReference;
    products += dr * dref;
    ratingSquares += dr * dr;
    referenceSquares += dref * dref;
  }
  // Rounding can push a perfect correlation a hair past ±1.
  const correlation = Math.max(-1, Math.min(1, products / Math.sqrt(ratingSquares * referenceSquares)));
  return { correlation, reason: null, text: null };
}

function checkPair(pair: PracticePair, meanReferences = false): void {
  if (!pair.competency) throw new Error("Every practice rating must name its competency.");
  const { rating, reference } = pair;
  const referenceOk = meanReferences ? Number.isFinite(reference) && reference >= 1 && reference <= 4 : LEVELS.has(reference);
  if (!LEVELS.has(rating) || !referenceOk) {
    throw new RangeError(`Practice ratings and references must be levels 1 to 4, got ${LEVELS.has(rating) ? reference : rating}`);
  }
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

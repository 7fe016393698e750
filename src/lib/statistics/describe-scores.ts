/** Summary statistics for a set of scores, and a competency-weighted overall score. */

export type ScoreSummary = {
  n: number;
  mean: number | null;
  /** Sample standard deviation (divisor n − 1): the scores are a sample of what the candidate might get. null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
};

export function describeScores(values: readonly number[]): ScoreSummary {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`Scores must be finite numbers, got ${value}`);
  }
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null, range: null };

  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  // Two passes (mean first, then squared deviations) avoid the cancellation error of Σx² − n·mean².
  const sd = n < 2 ? null : Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  // A loop rather than Math.min(...values), which overflows the call stack on very large arrays.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n, mean, sd, min, max, range: max - min };
}

/**
 * Weighted mean of competency means. A competency nobody scored has no mean; leaving it out and
 * renormalising the remaining weights scores the candidate on what was assessed, instead of treating
 * the gap as a zero. null when no competency has data (or all that do weigh nothing).
 */
export function weightedScore(means: ReadonlyArray<{ mean: number | null; weight: number }>): number | null {
  let weightedSum = 0;
  let totalWeight = 0;
  for (const { mean, weight } of means) {
    // A negative weight would let a competency count against the candidate and break renormalising.
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`Weights must be finite and ≥ 0, got ${weight}`);
    if (mean === null) continue;
    if (!Number.isFinite(mean)) throw new RangeError(`Means must be finite numbers, got ${mean}`);
    weightedSum += mean * weight;
    totalWeight += weight;
  }
  return totalWeight === 0 ? null : weightedSum / totalWeight;
}

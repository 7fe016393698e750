/**
 * Standardised mean difference between two groups: Cohen's d with the pooled standard deviation, Hedges'
 * small-sample correction J, and a 95% confidence interval from the large-sample variance (Hedges & Olkin
 * 1985; Borenstein, Hedges, Higgins & Rothstein, Introduction to Meta-Analysis, 2009, ch. 4):
 *
 *   S_within = sqrt(((n1 − 1) s1² + (n2 − 1) s2²) / (n1 + n2 − 2))     d = (m1 − m2) / S_within
 *   V_d = (n1 + n2) / (n1 n2) + d² / (2 (n1 + n2))                      J = 1 − 3 / (4 (n1 + n2 − 2) − 1)
 *   g = J d          V_g = J² V_d          95% CI = g ± 1.96 √V_g
 *
 * Hand-written for the same reason as the Fisher test: the formulas are short, and the packages we found
 * either skip J or give the interval of d.
 */

export type SampleSummary = { mean: number; sd: number; n: number };

export type StandardisedDifference = {
  d: number;
  g: number;
  /** Variance of g. */
  variance: number;
  ciLow: number;
  ciHigh: number;
};

const Z_95 = 1.959963984540054;

/** Mean, sample standard deviation (n − 1) and count of a list of values. */
export function summarise(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n: 0 };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n };
}

/**
 * g of group 1 against group 2 (positive: group 1 rated higher). null when it is undefined: fewer than two
 * people in a group, or no spread at all within the groups (every rating the same).
 */
export function hedgesG(group: SampleSummary, rest: SampleSummary): StandardisedDifference | null {
  const { n: n1 } = group;
  const { n: n2 } = rest;
  if (n1 < 2 || n2 < 2) return null;
  const pooled = Math.sqrt(((n1 - 1) * group.sd ** 2 + (n2 - 1) * rest.sd ** 2) / (n1 + n2 - 2));
  if (!(pooled > 0)) return null;
  const d = (group.mean - rest.mean) / pooled;
  const varianceD = (n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2));
  const j = 1 - 3 / (4 * (n1 + n2 - 2) - 1);
  const g = j * d;
  const variance = j * j * varianceD;
  const half = Z_95 * Math.sqrt(variance);
  return { d, g, variance, ciLow: g - half, ciHigh: g + half };
}

/** The report's flag: the interval excludes zero and the difference is at least small by Cohen's convention. */
export const FLAG_MIN_ABS_G = 0.2;
export function differenceIsFlagged(diff: StandardisedDifference | null): boolean {
  if (!diff) return false;
  return (diff.ciLow > 0 || diff.ciHigh < 0) && Math.abs(diff.g) >= FLAG_MIN_ABS_G;
}

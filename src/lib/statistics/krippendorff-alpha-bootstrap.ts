/**
 * How sure is an alpha? A bootstrap distribution for Krippendorff's alpha, following Hayes & Krippendorff
 * (2007), "Answering the call for a standard reliability measure for coding data", and Hayes's KALPHA
 * macro that implements it.
 *
 * The bootstrap does not resample units. It resamples pairable values: each bootstrap sample draws M pairs
 * of values from the observed coincidence matrix (a pair (c, k) with probability o_ck / n, both orders of
 * an off-diagonal pair counted together) and scores them against the expected disagreement of the
 * observed data:
 *
 *   α* = 1 − Σ δ²(drawn pairs) / (M · D_e),   D_e = Σ_c Σ_k n_c n_k δ²_ck / (n (n − 1)),
 *   M = min(25 · q, (m − 1) · n / 2),
 *
 * where q is the number of non-zero cells of the coincidence matrix, m the number of raters and n the
 * number of pairable values. As in the paper: α* below −1 is set to −1; a sample that drew only one
 * value (alpha undefined, 0/0) is counted as 0, and when the observed data match a value with itself in
 * more than one way, as many α* = 1 as such samples are expected (X · Σ_c (o_cc / n)^M) are set to 0.
 * The interval is read from the sorted α* as KALPHA does, and q(α_min) is the share of α* below α_min.
 *
 * Samples come from a seeded generator, so the same data give the same interval on every page load.
 */

import { seededRandom } from "@/lib/seeded-random";
import { krippendorffAlpha, type AlphaMetric } from "./krippendorff-alpha";

/** Krippendorff's lowest alpha for tentative conclusions; below it, "do not rely on these scores". */
export const ALPHA_MINIMUM = 0.667;
export const DEFAULT_BOOTSTRAP_SAMPLES = 5_000;
export const DEFAULT_BOOTSTRAP_SEED = 2007;

export type AlphaBootstrapOptions = {
  /** Bootstrap samples X; KALPHA asks for at least 1,000. */
  samples?: number;
  seed?: number;
  /** Two-sided confidence of the interval, 0.95 by default. */
  confidence?: number;
  /** α_min for the probability of falling below it, 0.667 by default. */
  minimum?: number;
  /** How many units alike each unit stands for (see krippendorffAlpha). */
  counts?: ReadonlyArray<number>;
};

export type AlphaBootstrap = {
  /** The observed alpha (as krippendorffAlpha computes it); null when alpha is undefined. */
  alpha: number | null;
  /** The interval's ends; null when alpha is undefined. */
  low: number | null;
  high: number | null;
  confidence: number;
  /** Share of bootstrapped alphas below `minimum`: the chance that alpha fails to reach it. */
  probabilityBelowMinimum: number | null;
  minimum: number;
  samples: number;
  /** M: pairs of values drawn in each sample. */
  pairsPerSample: number;
  pairableValues: number;
};

export function bootstrapKrippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number | null>>,
  metric: AlphaMetric,
  options: AlphaBootstrapOptions = {},
): AlphaBootstrap {
  const samples = options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  const confidence = options.confidence ?? 0.95;
  const minimum = options.minimum ?? ALPHA_MINIMUM;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`Bootstrap samples must be a positive integer, got ${samples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Confidence must lie between 0 and 1, got ${confidence}`);

  const observed = krippendorffAlpha(units, metric, options.counts);
  const empty = {
    alpha: null,
    low: null,
    high: null,
    confidence,
    probabilityBelowMinimum: null,
    minimum,
    samples,
    pairsPerSample: 0,
    pairableValues: observed.pairableValues,
  };
  if (observed.alpha === null) return empty;

  const { cells, diagonalShares, nonZeroCells, expectedDisagreement, n } = coincidences(units, metric, options.counts);
  const pairsPerSample = Math.max(1, Math.floor(Math.min(25 * nonZeroCells, ((observed.raters - 1) * n) / 2)));
  const cumulative: number[] = [];
  let running = 0;
  for (const cell of cells) {
    running += cell.probability;
    cumulative.push(running);
  }
  const pick = (r: number): number => {
    // The first cell whose cumulative probability reaches r (binary search; the last cell absorbs rounding).
    let lo = 0;
    let hi = cells.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r <= (cumulative[mid] ?? 1)) hi = mid;
      else lo = mid + 1;
    }
    return cells[lo]?.delta ?? 0;
  };

  const random = seededRandom(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
  const diagonalValues = diagonalShares.length;
  const alphas = new Array<number>(samples);
  let ones = 0;
  for (let s = 0; s < samples; s++) {
    let disagreement = 0;
    for (let i = 0; i < pairsPerSample; i++) disagreement += pick(random());
    let alpha = 1 - disagreement / (pairsPerSample * expectedDisagreement);
    if (alpha < -1) alpha = -1;
    if (alpha === 1) {
      // Only matching pairs were drawn. With a single value that ever matches itself, they are all that
      // value: no variation, alpha undefined, counted as 0 (KALPHA).
      if (diagonalValues === 1) alpha = 0;
      else ones++;
    }
    alphas[s] = alpha;
  }

  // Some all-matching samples come from drawing one value only and should be undefined rather than
  // perfect; the expected number of those is X · Σ_c (o_cc/n)^M. Turn that many of the 1s into 0s.
  const expectedUndefined = Math.round(samples * diagonalShares.reduce((sum, share) => sum + share ** pairsPerSample, 0));
  let toReset = diagonalValues > 1 ? Math.min(expectedUndefined, ones) : 0;
  for (let s = 0; s < samples && toReset > 0; s++) {
    if (alphas[s] === 1) {
      alphas[s] = 0;
      toReset--;
    }
  }

  alphas.sort((a, b) => a - b);
  // KALPHA's order statistics: the trunc(X·0.025)-th and (trunc(X·0.975)+1)-th smallest, 1-based.
  const tail = (1 - confidence) / 2;
  const lowIndex = clamp(Math.trunc(samples * tail) - 1, 0, samples - 1);
  const highIndex = clamp(Math.trunc(samples * (1 - tail)), 0, samples - 1);
  let below = 0;
  for (const alpha of alphas) {
    if (alpha < minimum) below++;
    else break;
  }
  return {
    ...empty,
    alpha: observed.alpha,
    low: alphas[lowIndex] ?? null,
    high: alphas[highIndex] ?? null,
    probabilityBelowMinimum: below / samples,
    pairsPerSample,
  };
}

type Coincidences = {
  /** Cells c ≤ k with a non-zero coincidence: the chance of drawing that pair, and its δ². */
  cells: { probability: number; delta: number }[];
  /** o_cc / n for every value that is matched with itself at least once. */
  diagonalShares: number[];
  /** q: non-zero cells of the full (symmetric) coincidence matrix. */
  nonZeroCells: number;
  /** D_e per pair of values. */
  expectedDisagreement: number;
  n: number;
};

/** The coincidence matrix and difference function of Krippendorff (2011), as krippendorffAlpha builds them. */
function coincidences(units: ReadonlyArray<ReadonlyArray<number | null>>, metric: AlphaMetric, counts?: ReadonlyArray<number>): Coincidences {
  const pairable: number[][] = [];
  const multiplicity: number[] = [];
  for (const [u, unit] of units.entries()) {
    const values = unit.filter((v): v is number => v !== null);
    if (values.length >= 2 && (counts?.[u] ?? 1) > 0) {
      pairable.push(values);
      multiplicity.push(counts?.[u] ?? 1);
    }
  }
  const distinct = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(distinct.map((value, i) => [value, i]));
  const size = distinct.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const [u, values] of pairable.entries()) {
    const weight = (multiplicity[u] ?? 1) / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const row = o[index.get(values[i]!)!]!;
        const column = index.get(values[j]!)!;
        row[column] = (row[column] ?? 0) + weight;
      }
    }
  }
  const marginals = o.map((row) => row.reduce((sum, v) => sum + v, 0));
  const n = pairable.reduce((sum, values, u) => sum + values.length * (multiplicity[u] ?? 1), 0);
  const delta = differenceFunction(metric, distinct, marginals);

  let expected = 0;
  let nonZeroCells = 0;
  const cells: Coincidences["cells"] = [];
  const diagonalShares: number[] = [];
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const occ = o[c]?.[k] ?? 0;
      if (occ > 0) nonZeroCells++;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * delta(c, k);
      if (k < c || occ <= 0) continue;
      // An off-diagonal pair can be drawn in either order, so its cell carries both halves.
      cells.push({ probability: (c === k ? occ : 2 * occ) / n, delta: delta(c, k) });
      if (c === k) diagonalShares.push(occ / n);
    }
  }
  return { cells, diagonalShares, nonZeroCells, expectedDisagreement: expected / (n * (n - 1)), n };
}

function differenceFunction(
  metric: AlphaMetric,
  distinct: readonly number[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      return (c, k) => ((distinct[c] ?? 0) - (distinct[k] ?? 0)) ** 2;
    case "ordinal": {
      const prefix = [0];
      for (const nc of marginals) prefix.push((prefix[prefix.length - 1] ?? 0) + nc);
      return (c, k) => {
        if (c === k) return 0;
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = (prefix[high + 1] ?? 0) - (prefix[low] ?? 0);
        return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
      };
    }
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

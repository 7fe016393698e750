/**
 * Krippendorff's alpha for inter-rater reliability, computed with the coincidence-matrix method of
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
 *
 * Alpha compares the disagreement actually observed between raters with the disagreement expected if
 * the same values had been paired up by chance: α = 1 − D_o / D_e. It copes with any number of raters,
 * missing ratings and different levels of measurement, which is why it suits interview panels where
 * not every panelist rates every question.
 */

export type AlphaMetric = "nominal" | "ordinal" | "interval";

export type AlphaResult = {
  /** null when alpha is undefined: fewer than 2 pairable values, or no variation in the values at all. */
  alpha: number | null;
  /** n in the paper: the number of values in units that have at least two of them. */
  pairableValues: number;
  /** Units that entered the computation (those with at least two values); others carry no pairs. */
  units: number;
  /** Rater columns in the data: the length of the longest unit. */
  raters: number;
};

/**
 * Reliability data: one array per unit (what was rated, e.g. candidate × question × competency), one entry per rater; null = missing.
 * `counts[i]`, when given, says how many units alike units[i] stands for: a unit enters alpha only through how
 * many times each value was given in it, so data kept as counted patterns need not be expanded.
 */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number | null>>,
  metric: AlphaMetric,
  counts?: ReadonlyArray<number>,
): AlphaResult {
  let raters = 0;
  const pairableUnits: number[][] = [];
  const multiplicity: number[] = [];
  for (const [u, unit] of units.entries()) {
    raters = Math.max(raters, unit.length);
    const values: number[] = [];
    for (const value of unit) {
      if (value === null) continue;
      // A NaN or infinity would silently poison every sum below; fail loudly instead.
      if (!Number.isFinite(value)) throw new RangeError(`Ratings must be finite numbers, got ${value}`);
      values.push(value);
    }
    // A lone value has no partner to agree or disagree with, so the unit contributes nothing.
    if (values.length >= 2 && (counts?.[u] ?? 1) > 0) {
      pairableUnits.push(values);
      multiplicity.push(counts?.[u] ?? 1);
    }
  }

  // The distinct values, sorted, index the coincidence matrix; sorting also gives the rank order that
  // the ordinal metric needs.
  const distinct = [...new Set(pairableUnits.flat())].sort((a, b) => a - b);
  const index = new Map(distinct.map((value, i) => [value, i]));
  const size = distinct.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));

  for (const [u, values] of pairableUnits.entries()) {
    // Each of the m_u values is paired with each of the other m_u − 1 values in its unit (ordered pairs).
    // Dividing by m_u − 1 makes every value count once in total, however many raters saw the unit.
    const weight = (multiplicity[u] ?? 1) / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const row = coincidences[at(index, values[i])];
        const column = at(index, values[j]);
        if (row) row[column] = (row[column] ?? 0) + weight;
      }
    }
  }

  // n = Σ n_c, which equals the count of pairable values because each value's pairs carry a total weight
  // of exactly 1. Counting directly keeps n an exact integer instead of a sum of fractions.
  const n = pairableUnits.reduce((sum, values, u) => sum + values.length * (multiplicity[u] ?? 1), 0);
  const result = { pairableValues: n, units: multiplicity.reduce((sum, m) => sum + m, 0), raters };
  if (n < 2) return { alpha: null, ...result };
  return { alpha: alphaFromCoincidences(metric, distinct, coincidences, n), ...result };
}

/** Units alike in how many times each level was given: `counts[i]` times `levels[i]`, in `units` units. */
export type LevelCountPattern = { counts: readonly number[]; units: number };

/**
 * krippendorffAlpha for data kept as counted patterns, without expanding them into units: a unit enters the
 * coincidence matrix only through how many times each value was given in it (o_ck gains n_c·(n_k − [c = k]) /
 * (m − 1) per unit), so each pattern costs levels² steps instead of m² pairs and no arrays are built. The
 * calibration page does this for every competency on each load; `counted-units.test.ts` checks on random
 * patterns that the result equals krippendorffAlpha of the expanded units.
 */
export function krippendorffAlphaFromCounts(levels: readonly number[], patterns: readonly LevelCountPattern[], metric: AlphaMetric): AlphaResult {
  if (levels.some((value) => !Number.isFinite(value))) throw new RangeError("Levels must be finite numbers");
  const order = levels.map((value, i) => [value, i] as const).sort((a, b) => a[0] - b[0]);
  if (order.some(([value], i) => i > 0 && value === order[i - 1]![0])) throw new RangeError("Levels must be distinct");
  const size = levels.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let raters = 0;
  let n = 0;
  let units = 0;
  for (const { counts, units: times } of patterns) {
    // Sorted by value, as krippendorffAlpha's distinct values are (the ordinal metric needs the rank order).
    const sorted = order.map(([, i]) => counts[i] ?? 0);
    const m = sorted.reduce((sum, c) => sum + c, 0);
    raters = Math.max(raters, m);
    if (m < 2 || times <= 0) continue;
    n += m * times;
    units += times;
    const weight = times / (m - 1);
    for (let c = 0; c < size; c++) {
      const nc = sorted[c]!;
      if (nc === 0) continue;
      const row = coincidences[c]!;
      for (let k = 0; k < size; k++) {
        const pairs = nc * (sorted[k]! - (c === k ? 1 : 0));
        if (pairs > 0) row[k] = row[k]! + pairs * weight;
      }
    }
  }
  const result = { pairableValues: n, units, raters };
  if (n < 2) return { alpha: null, ...result };
  // Levels never given in a pairable unit have no row, column or marginal: leave them out as krippendorffAlpha
  // does (their zero marginals would not change the ordinal distance between the others either).
  const used = coincidences.map((row) => row.reduce((sum, o) => sum + o, 0)).flatMap((marginal, c) => (marginal > 0 ? [c] : []));
  const distinct = used.map((c) => order[c]![0]);
  const matrix = used.map((c) => used.map((k) => coincidences[c]![k]!));
  return { alpha: alphaFromCoincidences(metric, distinct, matrix, n), ...result };
}

/** α = 1 − (n − 1)·D_o / D_e from the coincidence matrix over the sorted distinct values; null without variation. */
function alphaFromCoincidences(metric: AlphaMetric, distinct: readonly number[], coincidences: ReadonlyArray<ReadonlyArray<number>>, n: number): number | null {
  const size = distinct.length;
  const marginals = coincidences.map((row) => row.reduce((sum, o) => sum + o, 0));
  const delta = squaredDifference(metric, distinct, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += (coincidences[c]?.[k] ?? 0) * d;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d;
    }
  }
  // With no variation at all (every value identical) there is no disagreement to expect, and alpha's
  // ratio is 0/0. Krippendorff treats alpha as undefined there rather than perfect: identical ratings of
  // identical things say nothing about whether raters could tell different things apart.
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** δ²_ck for the chosen level of measurement, addressed by indices into the sorted distinct values. */
function squaredDifference(
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
      // Ordinal distance depends only on rank: how many pairable values lie between c and k, counting
      // half of each endpoint. Prefix sums of the marginals give Σ_{g=c..k} n_g in constant time.
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

function at(index: ReadonlyMap<number, number>, value: number | undefined): number {
  const i = value === undefined ? undefined : index.get(value);
  if (i === undefined) throw new Error("Value missing from the coincidence index");
  return i;
}

export type AlphaReading = "reliable" | "tentative" | "unreliable" | "not enough data";

/** Krippendorff's guidance: ≥ 0.800 rely on it; 0.667–0.800 tentative conclusions only; below 0.667 do not rely on it. */
export function readAlpha(result: { alpha: number | null; pairableValues: number }): { reading: AlphaReading; text: string } {
  if (result.alpha === null) {
    return {
      reading: "not enough data",
      text:
        result.pairableValues < 2
          ? "Too few items were rated by more than one panelist to measure agreement."
          : "Every rating was the same, so there is no variation from which to measure agreement.",
    };
  }
  // Alpha is shown to three decimals, so classify the value people see: 0.79996 displays as 0.800 and
  // must not be called tentative next to it.
  const shown = Math.round(result.alpha * 1000) / 1000;
  if (shown >= 0.8) {
    return { reading: "reliable", text: "Panelists agree well enough for their scores to be relied on." };
  }
  if (shown >= 0.667) {
    return {
      reading: "tentative",
      text: "Panelists agree only moderately: draw tentative conclusions from these scores.",
    };
  }
  return {
    reading: "unreliable",
    text:
      shown < 0
        ? "Panelists disagree more than chance would predict: do not rely on these scores."
        : "Panelists agree too little for these scores to be relied on.",
  };
}

/**
 * "How sure is alpha" for a page of alphas: each alpha's bootstrap 95% interval and the chance it falls below
 * 0.667 (bootstrapKrippendorffAlpha), with one line saying what the interval means for the reader. Seeded, so
 * a reload shows the same figures; the resampling work of a whole page is capped so the page stays fast.
 */
import { ALPHA_MINIMUM, bootstrapKrippendorffAlpha } from "./krippendorff-alpha-bootstrap";

/** KALPHA's recommended minimum number of bootstrap samples; an alpha gets these when the page's budget allows. */
export const INTERVAL_SAMPLES = 1_000;
/** Fewer samples than this make the 2.5% tails rest on a handful of values; never go below it. */
export const INTERVAL_MIN_SAMPLES = 200;
/**
 * Pairs drawn across every alpha of one page. A draw takes 20 to 60 ns (more on a busy machine), so this keeps
 * the bootstrap of a page to 10 to 30 ms however many competencies it shows. Measured on the demo (overall
 * alpha and 9 competencies, 449 pairable ratings, about 850 pairs per sample): at 1,000 samples each the
 * bootstrap alone took 50 to 160 ms on a loaded 2-core machine; within this budget each alpha gets about 590.
 */
export const INTERVAL_DRAW_BUDGET = 500_000;
export const INTERVAL_SEED = 2007;

export type AlphaInterval = {
  low: number | null;
  high: number | null;
  /** P(alpha < 0.667) among the bootstrapped alphas. */
  probabilityBelow: number | null;
  minimum: number;
  samples: number;
  /** One line: what the interval says about relying on the figure. */
  text: string;
};

type Units = ReadonlyArray<ReadonlyArray<number | null>>;
/** Units kept as patterns: `counts[i]` units alike `units[i]` (see krippendorffAlpha). */
export type CountedUnits = { units: Units; counts: ReadonlyArray<number> };
type UnitSet = Units | CountedUnits;

const asCounted = (set: UnitSet): { units: Units; counts?: ReadonlyArray<number> } => ("counts" in set ? set : { units: set });

/** An upper bound on the pairs one bootstrap sample of these units draws (M = min(25q, (m − 1)n/2), q ≤ 16 on a 4-point scale). */
export function pairsPerSampleBound(set: UnitSet): number {
  const { units, counts } = asCounted(set);
  let n = 0;
  let m = 0;
  const levels = new Set<number>();
  for (const [u, unit] of units.entries()) {
    const values = unit.filter((v): v is number => v !== null);
    if (values.length < 2 || (counts?.[u] ?? 1) <= 0) continue;
    n += values.length * (counts?.[u] ?? 1);
    m = Math.max(m, unit.length);
    for (const v of values) levels.add(v);
  }
  return Math.max(1, Math.floor(Math.min(25 * levels.size * levels.size, ((m - 1) * n) / 2)));
}

/** Samples per alpha for a page of unit sets: INTERVAL_SAMPLES each, fewer for all alike when the budget is short. */
export function samplesWithinBudget(unitSets: readonly UnitSet[], budget = INTERVAL_DRAW_BUDGET): number {
  const draws = unitSets.reduce((sum, units) => sum + pairsPerSampleBound(units), 0);
  if (draws * INTERVAL_SAMPLES <= budget) return INTERVAL_SAMPLES;
  return Math.max(INTERVAL_MIN_SAMPLES, Math.floor(budget / draws));
}

const shown = (value: number) => value.toFixed(2);
const percent = (p: number) => (p < 0.01 && p > 0 ? "under 1%" : p > 0.99 && p < 1 ? "over 99%" : `${Math.round(p * 100)}%`);

/** The interval's one-line reading. */
export function readInterval(low: number | null, high: number | null, probabilityBelow: number | null, minimum = ALPHA_MINIMUM): string {
  if (low === null || high === null || probabilityBelow === null) return "Too few paired ratings to say how far alpha could move.";
  const range = `95% of resamples fall between ${shown(low)} and ${shown(high)}`;
  if (high < minimum) return `${range}: even the top of that range is below ${minimum}, so more ratings like these won't make the scores reliable.`;
  if (low >= 0.8) return `${range}: reliable however the sample fell.`;
  if (low >= minimum) return `${range}: at least tentative however the sample fell.`;
  return `${range}, a ${percent(probabilityBelow)} chance alpha is below ${minimum}: too few ratings to be sure either way.`;
}

/** The interval of each unit set, in order, sharing the page's budget; each seeded alike so a reload repeats them. */
export function alphaIntervals(unitSets: readonly UnitSet[], budget = INTERVAL_DRAW_BUDGET): AlphaInterval[] {
  const samples = samplesWithinBudget(unitSets, budget);
  return unitSets.map((set) => {
    const { units, counts } = asCounted(set);
    const result = bootstrapKrippendorffAlpha(units, "ordinal", { samples, seed: INTERVAL_SEED, ...(counts ? { counts } : {}) });
    return {
      low: result.low,
      high: result.high,
      probabilityBelow: result.probabilityBelowMinimum,
      minimum: result.minimum,
      samples,
      text: readInterval(result.low, result.high, result.probabilityBelowMinimum, result.minimum),
    };
  });
}

/**
 * Rater leniency: how far each panelist's scores sit above or below their colleagues' on the same
 * things. Comparing only within shared units keeps a rater who happened to see strong candidates from
 * looking lenient.
 */

export type RaterScore = { rater: string; unit: string; score: number };

export type LeniencyOffset = {
  /** null when the rater shares no unit with anyone else, so there is nothing to compare against. */
  offset: number | null;
  /** Units the rater scored that at least one other rater also scored. */
  comparisons: number;
};

/** Per rater: mean over the units they share with others of (their score − mean of the other raters' scores on that unit). Positive = more lenient. */
export function leniencyOffsets(scores: readonly RaterScore[]): Map<string, LeniencyOffset> {
  // unit → rater → score. The definition assumes one score per rater per unit; a duplicate means the
  // caller built the data wrongly, and silently picking or averaging one would hide that.
  const byUnit = new Map<string, Map<string, number>>();
  // Every rater gets an entry, in order of first appearance, even one with nothing to compare.
  const totals = new Map<string, { sum: number; comparisons: number }>();
  for (const { rater, unit, score } of scores) {
    if (!Number.isFinite(score)) throw new RangeError(`Scores must be finite numbers, got ${score}`);
    let raters = byUnit.get(unit);
    if (!raters) {
      raters = new Map();
      byUnit.set(unit, raters);
    }
    if (raters.has(rater)) throw new Error(`Rater "${rater}" has more than one score for unit "${unit}"`);
    raters.set(rater, score);
    if (!totals.has(rater)) totals.set(rater, { sum: 0, comparisons: 0 });
  }

  for (const raters of byUnit.values()) {
    const count = raters.size;
    // A unit seen by one rater offers no comparison.
    if (count < 2) continue;
    let unitSum = 0;
    for (const score of raters.values()) unitSum += score;
    for (const [rater, score] of raters) {
      // The others' mean excludes the rater, so their own score does not pull the baseline toward them.
      const othersMean = (unitSum - score) / (count - 1);
      const total = totals.get(rater);
      if (total) {
        total.sum += score - othersMean;
        total.comparisons += 1;
      }
    }
  }

  const result = new Map<string, LeniencyOffset>();
  for (const [rater, { sum, comparisons }] of totals) {
    result.set(rater, { offset: comparisons === 0 ? null : sum / comparisons, comparisons });
  }
  return result;
}

/**
 * A rater's leniency within one competency, as sums: the offset is termSum / comparisons, and over several
 * competencies the sums add up (each unit belongs to one competency). `units` counts every unit the rater
 * scored there, compared or not. Calibration keeps these per panelist in the database.
 */
export type RaterLeniencySums = { rater: string; competencyId: string; termSum: number; comparisons: number; units: number };

/** The sums of leniencyOffsets per rater and competency, from the scores themselves (`competencyOf` reads a unit's competency). */
export function leniencySums(scores: readonly RaterScore[], competencyOf: (unit: string) => string): RaterLeniencySums[] {
  const byUnit = new Map<string, RaterScore[]>();
  for (const score of scores) byUnit.set(score.unit, [...(byUnit.get(score.unit) ?? []), score]);
  const sums = new Map<string, RaterLeniencySums>();
  for (const [unit, raters] of byUnit) {
    const competencyId = competencyOf(unit);
    const unitSum = raters.reduce((sum, r) => sum + r.score, 0);
    for (const { rater, score } of raters) {
      const key = `${rater}\u0000${competencyId}`;
      const entry = sums.get(key) ?? { rater, competencyId, termSum: 0, comparisons: 0, units: 0 };
      entry.units += 1;
      if (raters.length > 1) {
        entry.termSum += score - (unitSum - score) / (raters.length - 1);
        entry.comparisons += 1;
      }
      sums.set(key, entry);
    }
  }
  return [...sums.values()];
}

/** Per rater, the offset over every competency of their sums (null with nothing compared), as leniencyOffsets gives it. */
export function offsetsFromSums(rows: readonly RaterLeniencySums[]): Map<string, LeniencyOffset> {
  const totals = new Map<string, { sum: number; comparisons: number }>();
  for (const row of rows) {
    const total = totals.get(row.rater) ?? { sum: 0, comparisons: 0 };
    total.sum += row.termSum;
    total.comparisons += row.comparisons;
    totals.set(row.rater, total);
  }
  return new Map([...totals].map(([rater, t]) => [rater, { offset: t.comparisons === 0 ? null : t.sum / t.comparisons, comparisons: t.comparisons }]));
}

// A comparison row carries its competency figures as three arrays aligned with the comparison's
// competency list (sum of scores, number of scores, not assessed) instead of one object per cell: about a
// third of the bytes for 2,000 candidates and far less work to build, validate and serialise.

export type CellArrays = { sums: readonly number[]; counts: readonly number[]; notAssessed: readonly number[] };

export type Cell = { mean: number | null; n: number; notAssessed: number };

/** The figures of the competency at `index` of the comparison's competency list. */
export function cellAt(row: CellArrays, index: number): Cell {
  const n = row.counts[index] ?? 0;
  const sum = row.sums[index] ?? 0;
  return { mean: n === 0 ? null : sum / n, n, notAssessed: row.notAssessed[index] ?? 0 };
}

/** The mean of the competency at `index`, or null without scores. */
export function meanAt(row: CellArrays, index: number): number | null {
  const n = row.counts[index] ?? 0;
  return n === 0 ? null : (row.sums[index] ?? 0) / n;
}

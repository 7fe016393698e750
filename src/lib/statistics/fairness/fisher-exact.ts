/**
 * Fisher's exact test, two-sided, for a 2×2 table. Written here rather than taken from a package: the
 * JavaScript ones we looked at either give the one-sided p, double it, or compare probabilities without a
 * tolerance (so ties of equal probability are dropped by rounding); this is the definition R's fisher.test
 * uses, in a few lines we can check against published tables.
 *
 *            selected  not selected
 *   group        a          b
 *   the rest     c          d
 */

/** log(n!) by summing logs: exact enough for the table sizes of a hiring report (thousands at most), and cached. */
const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k += 1) logFactorials[k] = logFactorials[k - 1]! + Math.log(k);
  return logFactorials[n]!;
}

/** Relative tolerance for "as or less probable than the observed table": R's fisher.test uses 1 + 1e-7. */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided p: the sum of the hypergeometric probabilities (margins fixed) of every table no more probable
 * than the observed one. 1 when a margin is zero (nothing could have differed).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const cell of [a, b, c, d]) {
    if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`Cells must be whole numbers of people, got ${cell}`);
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const min = Math.max(0, col1 - row2);
  const max = Math.min(row1, col1);
  if (min === max) return 1;
  // log P(X = x) for the top-left cell x: C(row1, x) C(row2, col1 − x) / C(n, col1).
  const fixed = logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(n - col1) - logFactorial(n);
  const logP = (x: number) =>
    fixed - logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(row2 - col1 + x);
  const observed = logP(a);
  const limit = observed + Math.log(RELATIVE_TOLERANCE);
  let p = 0;
  for (let x = min; x <= max; x += 1) {
    const lp = logP(x);
    if (lp <= limit) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

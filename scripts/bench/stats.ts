// Pure helpers for the benchmark: percentiles, a power-law fit, ratios and the printed table.

/** The p-th percentile (0..100) of `values` by the nearest-rank method; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * Least-squares slope of log(y) against log(x): the exponent k in y ≈ c·x^k. With k = 0.5, ten times
 * more data costs about three times as long; k = 1 is linear. Needs two or more distinct positive x.
 */
export function powerLawExponent(points: ReadonlyArray<{ x: number; y: number }>): number {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length < 2) return Number.NaN;
  const lx = usable.map((p) => Math.log(p.x));
  const ly = usable.map((p) => Math.log(p.y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** a / b rounded to two decimals; null when either side is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, 2);
}

export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export type Cell = string | number | null | undefined;

/** A plain-text table: a header row, a rule, and rows; numbers right-aligned, missing values as "–". */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const text = (c: Cell) => (c === null || c === undefined || (typeof c === "number" && Number.isNaN(c)) ? "–" : String(c));
  const all = [header.map(text), ...rows.map((r) => header.map((_, i) => text(r[i])))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] == null));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(all[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

/** "pass" / "MISS" for a target, or "n/a" when the figure could not be measured. */
export function verdict(ok: boolean | null): string {
  return ok === null ? "n/a" : ok ? "pass" : "MISS";
}

/**
 * `timed` for a request and its floors together: each runs `warmup` times untimed, then `runs` rounds time
 * each once, in turn, so a host getting busier or quieter (a vacuum, another process) moves them alike rather
 * than landing on whichever was being timed; gives each one's milliseconds, in the order given.
 */
export async function timedInTurn<T extends ReadonlyArray<() => Promise<unknown>>>(
  runs: number,
  warmup: number,
  each: readonly [...T],
): Promise<{ [K in keyof T]: number[] }> {
  for (const once of each) for (let i = 0; i < warmup; i++) await once();
  const times = each.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, once] of each.entries()) {
      const t0 = performance.now();
      await once();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times as { [K in keyof T]: number[] };
}

/** Runs `once` `warmup` times untimed, then `runs` times, and gives each timed run's milliseconds. */
export async function timed(runs: number, warmup: number, once: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return times;
}

// calibration: the calibration page of a whole organisation as HR opens it (no filters), through the tRPC
// endpoint, next to its three aggregate statements run with `pg` (the SQL floor).
import pg from "pg";
import type { Actor } from "../../src/server/services/actor";
import { calibrationQueries } from "../../src/server/services/insights/_shared/calibration-queries";
import { batchQueryPath, batchResult } from "./http";
import type { CompareOrg } from "./seed";
import { percentile, round, timedInTurn } from "./stats";

export type CalibrationSize = {
  ratings: number;
  panelists: number;
  pairable_values: number;
  p50_ms: number;
  p95_ms: number;
  floor_sql_p50_ms: number;
  floor_sql_p95_ms: number;
  ratio_p95: number | null;
};

export async function benchCalibration(
  baseUrl: string,
  pool: pg.Pool,
  org: CompareOrg,
  hr: { cookie: string; userId: string },
  options: { runs: number; warmup: number },
): Promise<CalibrationSize> {
  const path = batchQueryPath("insights.calibration", {});
  const get = async () => {
    const response = await fetch(baseUrl + path, { headers: { cookie: hr.cookie } });
    const body = await response.text();
    if (!response.ok) throw new Error(`insights.calibration answered ${response.status}: ${body.slice(0, 300)}`);
    return body;
  };
  const first = batchResult<{ panelists: unknown[]; overall: { pairableValues: number } }>(await get());
  const actor: Actor = { userId: hr.userId, orgId: org.orgId, role: "HR" };
  const queries = calibrationQueries(actor, {}, true);
  // The page and its SQL floor in turn, request after request (timedInTurn).
  const [app, floor] = await timedInTurn(options.runs, options.warmup, [
    get,
    () => Promise.all([queries.panelists, queries.leniency, queries.patterns].map((sql) => pool.query(sql.text, sql.values))),
  ]);
  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  const p95 = percentile(floor, 95);
  return {
    ratings: org.ratings,
    panelists: first.panelists.length,
    pairable_values: first.overall.pairableValues,
    p50_ms: p(app, 50),
    p95_ms: p(app, 95),
    floor_sql_p50_ms: p(floor, 50),
    floor_sql_p95_ms: p(floor, 95),
    ratio_p95: p95 > 0 ? round(percentile(app, 95) / p95, 2) : null,
  };
}

/** Issue 18's targets at the largest size: p95 under 150 ms and at most 2x the SQL, growth exponent under 0.5. */
export function calibrationTargetRows(
  results: { sizes: CalibrationSize[]; growth_exponent: number | null } | undefined,
): Array<[string, string, boolean | null]> {
  const largest = results?.sizes.at(-1);
  return [
    [`calibration p95 < 150 ms (${largest?.ratings ?? "?"} ratings)`, `${largest?.p95_ms} ms`, largest ? largest.p95_ms < 150 : null],
    [
      `calibration p95 <= 2x SQL (${largest?.ratings ?? "?"} ratings)`,
      `${largest?.p95_ms} ms vs ${largest?.floor_sql_p95_ms} ms (x${largest?.ratio_p95})`,
      largest && largest.ratio_p95 !== null ? largest.ratio_p95 <= 2 : null,
    ],
    ["calibration growth exponent < 0.5", `${results?.growth_exponent}`, results?.growth_exponent != null ? results.growth_exponent < 0.5 : null],
  ];
}

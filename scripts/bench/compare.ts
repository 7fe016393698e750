// compare: the comparison of every candidate of an organisation's largest vacancy and one candidate's
// summary, through the tRPC endpoint as the pages call them, next to the same aggregate SQL run with `pg`.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/server/services/actor";
import { compareQueries } from "../../src/server/services/insights/_shared/compare-queries";
import { batchQueryPath, batchResult } from "./http";
import type { CompareOrg } from "./seed";
import { percentile, round, timed, timedInTurn } from "./stats";

export type CompareSize = {
  ratings: number;
  vacancies: number;
  largest_vacancy_candidates: number;
  rows: number;
  p50_ms: number;
  p95_ms: number;
  floor_sql_p50_ms: number;
  floor_sql_p95_ms: number;
  ratio_p95: number | null;
  /** The same SQL and answer (gzip as the app) from a bare node:http handler, fetched the same way. */
  floor_http_p50_ms: number;
  floor_http_p95_ms: number;
  ratio_p95_http: number | null;
  summary_p50_ms: number;
  summary_p95_ms: number;
  summary_floor_sql_p95_ms: number | null;
  summary_ratio_p95: number | null;
};

async function get(baseUrl: string, cookie: string, pathAndQuery: string): Promise<string> {
  const response = await fetch(baseUrl + pathAndQuery, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${pathAndQuery.slice(0, 60)}… answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** get-candidate-summary.ts may export the summary's SQL (candidateSummaryQueries); used for a floor when it does. */
async function summaryQueries(): Promise<((actor: Actor, candidateId: string) => Prisma.Sql[]) | null> {
  const file = path.resolve(import.meta.dirname, "../../src/server/services/insights/get-candidate-summary.ts");
  if (!existsSync(file)) return null;
  const mod = (await import(file)) as { candidateSummaryQueries?: (actor: Actor, candidateId: string) => Prisma.Sql[] };
  return mod.candidateSummaryQueries ?? null;
}

export async function benchCompare(
  baseUrl: string,
  floorUrl: string,
  pool: pg.Pool,
  org: CompareOrg,
  hr: { cookie: string; userId: string },
  options: { runs: number; warmup: number },
): Promise<CompareSize> {
  // Exactly what the comparison page sends with ?vacancy=… (its other filters unset, not blind).
  const filters = {
    vacancyId: org.largestVacancyId,
    stageId: undefined,
    scriptId: undefined,
    status: undefined,
    from: undefined,
    to: undefined,
    interviewerId: undefined,
    blind: false,
  };
  const comparePath = batchQueryPath("insights.compare", filters);
  const summaryPath = batchQueryPath("insights.candidateSummary", { candidateId: org.sampleCandidateId, blind: false });
  // The answer is ComparisonWire: the candidates as JSON text, one array each (the page ranks them into rows).
  const first = batchResult<{ candidates: string }>(await get(baseUrl, hr.cookie, comparePath));
  const actor: Actor = { userId: hr.userId, orgId: org.orgId, role: "HR" };
  const queries = compareQueries(actor, filters);
  const floorPath = `/compare?actor=${encodeURIComponent(JSON.stringify(actor))}&filters=${encodeURIComponent(JSON.stringify(filters))}`;
  // The app and its two floors in turn, request after request (timedInTurn).
  const [app, floor, floorHttp] = await timedInTurn(options.runs, options.warmup, [
    () => get(baseUrl, hr.cookie, comparePath),
    () => Promise.all([queries.candidates, queries.cells].map((sql) => pool.query(sql.text, sql.values))),
    () => get(floorUrl, "", floorPath),
  ]);
  const summarySql = await summaryQueries();
  const summaryGet = () => get(baseUrl, hr.cookie, summaryPath);
  const [summary, summaryFloor] = summarySql
    ? await timedInTurn(options.runs, options.warmup, [
        summaryGet,
        () => Promise.all(summarySql(actor, org.sampleCandidateId).map((sql) => pool.query(sql.text, sql.values))),
      ])
    : [await timed(options.runs, options.warmup, summaryGet), null];

  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
  return {
    ratings: org.ratings,
    vacancies: org.vacancies.length,
    largest_vacancy_candidates: org.vacancies[0]!.candidates,
    rows: (JSON.parse(first.candidates) as unknown[]).length,
    p50_ms: p(app, 50),
    p95_ms: p(app, 95),
    floor_sql_p50_ms: p(floor, 50),
    floor_sql_p95_ms: p(floor, 95),
    ratio_p95: ratio(percentile(app, 95), percentile(floor, 95)),
    floor_http_p50_ms: p(floorHttp, 50),
    floor_http_p95_ms: p(floorHttp, 95),
    ratio_p95_http: ratio(percentile(app, 95), percentile(floorHttp, 95)),
    summary_p50_ms: p(summary, 50),
    summary_p95_ms: p(summary, 95),
    summary_floor_sql_p95_ms: summaryFloor ? p(summaryFloor, 95) : null,
    summary_ratio_p95: summaryFloor ? ratio(percentile(summary, 95), percentile(summaryFloor, 95)) : null,
  };
}

/** The organisation-wide comparison in pages (issue 18): the first page and each next one, as the page asks. */
export type OrgPage = { ratings: number; candidates: number; first_p50_ms: number; first_p95_ms: number; next_p50_ms: number; next_p95_ms: number };

export async function benchOrgPage(
  baseUrl: string,
  org: CompareOrg,
  hr: { cookie: string },
  options: { runs: number; warmup: number },
): Promise<OrgPage> {
  const input = { blind: false };
  type Page = { next: string | null; total: number };
  const pageAt = async (after?: string) =>
    batchResult<Page>(await get(baseUrl, hr.cookie, batchQueryPath("insights.comparePage", after ? { ...input, after } : input)));
  const first = await timed(options.runs, options.warmup, () => pageAt());
  // Next pages: walking on through the organisation (and round again from the first page at the end).
  const second = (await pageAt()).next;
  let cursor = second;
  let total = 0;
  const next = await timed(options.runs, options.warmup, async () => {
    const page = await pageAt(cursor ?? undefined);
    total = page.total;
    cursor = page.next ?? second;
  });
  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  return {
    ratings: org.ratings,
    candidates: total,
    first_p50_ms: p(first, 50),
    first_p95_ms: p(first, 95),
    next_p50_ms: p(next, 50),
    next_p95_ms: p(next, 95),
  };
}

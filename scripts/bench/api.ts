// The REST API's sync reads (issue 22 "Speed"): listing 10,000 candidates by pages of 100, and fetching the
// submitted scorecards of the 2,000-candidate hiring vacancy by pages of 100, through the running app with
// an API key, each page timed; beside each, the floor: the same SQL (the services' exported statements) run
// straight through Prisma, walking the same pages. Target: p95 per page under 50 ms at the 1M-rating size.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { candidatesPageSql } from "../../src/server/services/candidates/list-candidates-page";
import { submittedScorecardsSql } from "../../src/server/services/scorecards/list-submitted-scorecards";
import type { CompareOrg } from "./seed";
import type { HiringVacancy } from "./hiring";
import { percentile, round } from "./stats";

export const API_TARGET_P95_MS = 50;
const SYNC_CANDIDATES = 10_000;
const PAGE = 100;

export type ApiPageFigures = {
  pages: number;
  items: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  floor_sql_p50_ms: number;
  floor_sql_p95_ms: number;
  ratio_p95: number | null;
  target_p95_ms: number;
  pass: boolean;
};
export type ApiFigures = { org_ratings: number; candidates_list: ApiPageFigures; vacancy_scorecards: ApiPageFigures; passes: number };

/** A vacancy of 10,000 candidates (and their persons) in the organisation, changed one second apart. */
async function seedSyncVacancy(client: pg.ClientBase, orgId: string): Promise<string> {
  const vacancyId = `${orgId}-api-sync`;
  await client.query(`INSERT INTO "Vacancy" ("id", "orgId", "title", "updatedAt") VALUES ($1, $2, 'API sync vacancy', now())`, [vacancyId, orgId]);
  await client.query(
    `INSERT INTO "Person" ("id", "orgId") SELECT $1 || '-p' || g, $2 FROM generate_series(1, $3::int) g`,
    [vacancyId, orgId, SYNC_CANDIDATES],
  );
  await client.query(
    `INSERT INTO "Candidate" ("id", "orgId", "name", "email", "vacancyId", "personId", "updatedAt")
     SELECT $1 || '-c' || g, $2, 'Sync Candidate ' || g, 'sync' || g || '@bench.example', $1, $1 || '-p' || g,
       timestamp '2026-01-01' + g * interval '1 second'
     FROM generate_series(1, $3::int) g`,
    [vacancyId, orgId, SYNC_CANDIDATES],
  );
  return vacancyId;
}

/** An API key for the vacancy's hiring manager with the two read scopes (only its hash is stored, as the app does). */
async function createKey(client: pg.ClientBase, orgId: string, userId: string): Promise<{ id: string; key: string }> {
  const prefix = `pk_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  const id = `${orgId}-api-key`;
  await client.query(
    `INSERT INTO "ApiKey" ("id", "orgId", "name", "prefix", "secretHash", "scopes", "createdById") VALUES ($1, $2, 'Bench', $3, $4, $5, $6)`,
    [id, orgId, prefix, createHash("sha256").update(key).digest("hex"), ["candidates:read", "scorecards:read"], userId],
  );
  return { id, key };
}

type Walked = { times: number[]; items: number; pages: number };

/** Walks every page of `path` through the app, timing each; the key's rate-limit count is reset first. */
async function walkApp(baseUrl: string, key: string, path: string): Promise<Walked> {
  const times: number[] = [];
  let cursor: string | null = null;
  let items = 0;
  do {
    const url: string = `${baseUrl}${path}${path.includes("?") ? "&" : "?"}limit=${PAGE}${cursor ? `&cursor=${cursor}` : ""}`;
    const t0 = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
    const body = (await response.json()) as { data: unknown[]; next_cursor: string | null };
    times.push(performance.now() - t0);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    items += body.data.length;
    cursor = body.next_cursor;
  } while (cursor);
  return { times, items, pages: times.length };
}

/** Walks the same pages with the statement alone. */
async function walkFloor(page: (after: { at: Date; id: string } | null) => Promise<Array<{ id: string; updatedAt: Date }>>): Promise<Walked> {
  const times: number[] = [];
  let after: { at: Date; id: string } | null = null;
  let items = 0;
  for (;;) {
    const t0 = performance.now();
    const rows = await page(after);
    times.push(performance.now() - t0);
    const shown = rows.slice(0, PAGE);
    items += shown.length;
    const last = shown.at(-1);
    if (rows.length <= PAGE || !last) break;
    after = { at: last.updatedAt, id: last.id };
  }
  return { times, items, pages: times.length };
}

function figuresOf(app: Walked[], floor: Walked[]): ApiPageFigures {
  const times = app.flatMap((w) => w.times);
  const floorTimes = floor.flatMap((w) => w.times);
  const p95 = percentile(times, 95);
  const floorP95 = percentile(floorTimes, 95);
  return {
    pages: app[0]!.pages,
    items: app[0]!.items,
    p50_ms: round(percentile(times, 50), 1),
    p95_ms: round(p95, 1),
    max_ms: round(Math.max(...times), 1),
    floor_sql_p50_ms: round(percentile(floorTimes, 50), 1),
    floor_sql_p95_ms: round(floorP95, 1),
    ratio_p95: floorP95 > 0 ? round(p95 / floorP95, 2) : null,
    target_p95_ms: API_TARGET_P95_MS,
    pass: p95 < API_TARGET_P95_MS,
  };
}

export async function seedApiBench(client: pg.ClientBase, org: CompareOrg, vacancy: HiringVacancy) {
  const syncVacancyId = await seedSyncVacancy(client, org.orgId);
  const key = await createKey(client, org.orgId, vacancy.manager.userId);
  return { syncVacancyId, key };
}

export async function benchApi(
  baseUrl: string,
  prisma: PrismaClient,
  seeded: Awaited<ReturnType<typeof seedApiBench>>,
  vacancy: HiringVacancy,
  orgRatings: number,
  options: { passes: number },
): Promise<ApiFigures> {
  const actor = vacancy.manager;
  const resetLimit = () => prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${`api-key:${seeded.key.id}`}`;
  const candidatesPath = `/api/v1/candidates?vacancy_id=${encodeURIComponent(seeded.syncVacancyId)}`;
  const scorecardsPath = `/api/v1/vacancies/${encodeURIComponent(vacancy.vacancyId)}/scorecards`;
  const candidatePage = (after: { at: Date; id: string } | null) =>
    prisma.$queryRaw<Array<{ id: string; updatedAt: Date }>>(candidatesPageSql(actor.orgId, { after, since: null, limit: PAGE, vacancyId: seeded.syncVacancyId }));
  const scorecardPage = (after: { at: Date; id: string } | null) =>
    prisma.$queryRaw<Array<{ id: string; updatedAt: Date }>>(submittedScorecardsSql(actor, { after, since: null, limit: PAGE, vacancyId: vacancy.vacancyId, withNotes: false }));

  // One untimed walk of each warms the app's routes and the database's caches.
  await resetLimit();
  await walkApp(baseUrl, seeded.key.key, candidatesPath);
  await walkApp(baseUrl, seeded.key.key, scorecardsPath);
  const runs = { candidates: [] as Walked[], scorecards: [] as Walked[], candidatesFloor: [] as Walked[], scorecardsFloor: [] as Walked[] };
  for (let pass = 0; pass < options.passes; pass++) {
    await resetLimit();
    runs.candidates.push(await walkApp(baseUrl, seeded.key.key, candidatesPath));
    runs.candidatesFloor.push(await walkFloor(candidatePage));
    runs.scorecards.push(await walkApp(baseUrl, seeded.key.key, scorecardsPath));
    runs.scorecardsFloor.push(await walkFloor(scorecardPage));
  }
  const candidates = figuresOf(runs.candidates, runs.candidatesFloor);
  if (candidates.items !== SYNC_CANDIDATES) throw new Error(`The candidate list walked ${candidates.items} candidates, not ${SYNC_CANDIDATES}.`);
  const scorecards = figuresOf(runs.scorecards, runs.scorecardsFloor);
  // A statement that found nothing (e.g. a column the seed left empty) would be timed as fast as it is wrong.
  if (scorecards.items < vacancy.candidates) throw new Error(`The vacancy's scorecards walk found ${scorecards.items} scorecards for ${vacancy.candidates} candidates.`);
  if (scorecards.items !== runs.scorecardsFloor[0]!.items) throw new Error(`The API walked ${scorecards.items} scorecards, the floor ${runs.scorecardsFloor[0]!.items}.`);
  return { org_ratings: orgRatings, candidates_list: candidates, vacancy_scorecards: scorecards, passes: options.passes };
}

/** The printed table's lines for the API figures. */
export function apiLines(a: ApiFigures | undefined): string[] {
  if (!a) return [];
  const row = (name: string, f: ApiPageFigures) => `  ${name}: ${f.items} items in ${f.pages} pages of ${PAGE} x${a.passes}; per page p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, max ${f.max_ms} ms; SQL floor p50 ${f.floor_sql_p50_ms} ms, p95 ${f.floor_sql_p95_ms} ms (x${f.ratio_p95})`;
  return [
    `api (REST /api/v1 with an API key, the vacancy's hiring manager; ${a.org_ratings} ratings in the organisation)`,
    row("candidates list", a.candidates_list),
    row("vacancy scorecards", a.vacancy_scorecards),
    "",
  ];
}

/** The targets table's rows for the API figures. */
export function apiTargetRows(a: ApiFigures | undefined): Array<[string, string, boolean | null]> {
  return [
    [`api candidates page p95 < ${API_TARGET_P95_MS} ms (${a?.candidates_list.items ?? "?"} candidates)`, `${a?.candidates_list.p95_ms} ms`, a ? a.candidates_list.pass : null],
    [`api vacancy scorecards page p95 < ${API_TARGET_P95_MS} ms (${a?.org_ratings ?? "?"} ratings in org)`, `${a?.vacancy_scorecards.p95_ms} ms`, a ? a.vacancy_scorecards.pass : null],
  ];
}

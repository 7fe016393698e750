// debrief.page and vacancies.pipeline: a vacancy of 2,000 candidates with a two-stage plan, added to the
// comparison's largest organisation (the 1M-rating one in a full run), and the two reads timed through the
// tRPC endpoint as the pages call them, beside a floor measured in the same run: the same service function
// called in this process with Prisma (its SQL and JavaScript without HTTP, session, tRPC, output checks,
// serialisation and compression). Seeded with bulk SQL like seed.ts (made-up ids under the org's).
//
// The vacancy: a screening call (2 panelists, 5 questions) then a panel interview (5 panelists, 20
// questions, its own stage weights). 500 candidates reached the panel (each advanced by a screening
// decision); the rest are at the screening call: not scheduled, scheduled, waiting on a panelist, ready,
// in debrief, rejected. At the panel: waiting, ready, in debrief, appointed, reserve, rejected. Candidate 1
// is the debrief timed: 5 panelists' submitted scorecards on 20 questions with evidence notes, an open
// debrief with consensus entries and comments, ranked among the 500.
import pg from "pg";
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/server/services/actor";
import { getDebrief } from "../../src/server/services/debriefs/get-debrief";
import { getVacancyPipeline } from "../../src/server/services/vacancies/get-vacancy-pipeline";
import { batchQueryPath, batchResult } from "./http";
import { builtinCompetencies, createScript, createVacancy, type CompareOrg } from "./seed";
import { percentile, round, timed } from "./stats";

export const HIRING_CANDIDATES = 2000;
const AT_PANEL = 500;
const SCREEN_PANEL = 2;
const PANEL = 5;
const PANEL_QUESTIONS = 20;

export type HiringVacancy = {
  orgId: string;
  vacancyId: string;
  candidates: number;
  ratings: number;
  debriefId: string;
  debriefCandidateId: string;
  managerEmail: string;
  /** The vacancy's hiring manager, who chairs the debrief and reads the board. */
  manager: Actor;
};

type Outcome = "ADVANCE" | "APPOINT" | "RESERVE" | "REJECT";
type Applicant = {
  id: string;
  stage: 0 | 1;
  status: "ACTIVE" | "HIRED" | "RESERVE" | "REJECTED";
  /** Per stage reached: the interview's state, and the debrief's (with its outcome when closed). */
  interviews: Array<{ stage: 0 | 1; state: "scheduled" | "waiting" | "done" }>;
  debriefs: Array<{ stage: 0 | 1; outcome: Outcome | null }>;
};

/** Where candidate g stands; fixed by g so every run seeds the same pipeline. */
function applicant(prefix: string, g: number): Applicant {
  const id = `${prefix}-c${g}`;
  if (g <= AT_PANEL) {
    const screened = { stage: 0 as const, state: "done" as const };
    const advanced = { stage: 0 as const, outcome: "ADVANCE" as const };
    const at = (state: "waiting" | "done", outcome?: Outcome | null, status: Applicant["status"] = "ACTIVE"): Applicant => ({
      id,
      stage: 1,
      status,
      interviews: [screened, { stage: 1, state }],
      debriefs: outcome === undefined ? [advanced] : [advanced, { stage: 1, outcome }],
    });
    if (g === 1) return at("done", null);
    if (g % 17 === 0) return at("waiting");
    if (g % 50 === 0) return at("done", "APPOINT", "HIRED");
    if (g % 7 === 0) return at("done", "REJECT", "REJECTED");
    if (g % 11 === 0) return at("done", "RESERVE", "RESERVE");
    if (g % 13 === 0) return at("done", null);
    return at("done");
  }
  const base = { id, stage: 0 as const, status: "ACTIVE" as const };
  if (g % 9 === 0) return { ...base, interviews: [], debriefs: [] };
  if (g % 29 === 0) return { ...base, interviews: [{ stage: 0, state: "scheduled" }], debriefs: [] };
  if (g % 23 === 0) return { ...base, interviews: [{ stage: 0, state: "waiting" }], debriefs: [] };
  const done = [{ stage: 0 as const, state: "done" as const }];
  if (g % 19 === 0) return { ...base, status: "REJECTED", interviews: done, debriefs: [{ stage: 0, outcome: "REJECT" }] };
  if (g % 31 === 0) return { ...base, interviews: done, debriefs: [{ stage: 0, outcome: null }] };
  return { ...base, interviews: done, debriefs: [] };
}

/** Adds the vacancy to `org` (bulk rows; run with triggers off, then rebuild the org's insight aggregates). */
export async function seedHiringVacancy(client: pg.ClientBase, org: CompareOrg): Promise<HiringVacancy> {
  const { orgId, managerId, interviewerIds: pool } = org;
  const competencies = await builtinCompetencies(client);
  const options = { status: "PUBLISHED" as const, createdById: managerId };
  const screen = await createScript(client, orgId, "hv-screen", "Bench screening", { questions: 5, competenciesPerQuestion: [2, 1, 2] }, competencies, options);
  const panel = await createScript(client, orgId, "hv-panel", "Bench panel", { questions: PANEL_QUESTIONS, competenciesPerQuestion: [2, 1, 3, 2] }, competencies, options);
  const scripts = [screen, panel] as const;
  const vacancyId = `${orgId}-hv`;
  const stageIds = await createVacancy(
    client,
    orgId,
    vacancyId,
    "Bench pipeline vacancy",
    [
      { name: "Screening call", versionId: screen.versionId },
      { name: "Panel interview", versionId: panel.versionId },
    ],
    managerId,
  );
  const panelOf = (stage: 0 | 1, g: number) =>
    Array.from({ length: stage === 0 ? SCREEN_PANEL : PANEL }, (_, k) => pool[(g * (stage === 0 ? 2 : 1) + k) % pool.length]!);
  await client.query(
    `INSERT INTO "VacancyStagePanelist" ("stageId", "userId") SELECT * FROM unnest($1::text[], $2::text[])`,
    [[...panelOf(0, 0).map(() => stageIds[0]!), ...panelOf(1, 0).map(() => stageIds[1]!)], [...panelOf(0, 0), ...panelOf(1, 0)]],
  );
  // The panel interview weighs by its own stage weights (the screening call by its script's).
  const panelTargets = [...new Set(panel.cells.map((c) => c.competencyId))];
  await client.query(
    `INSERT INTO "VacancyStageWeight" ("stageId", "competencyId", weight) SELECT $1, c.id, 10 + (c.n::int % 3) * 5 FROM unnest($2::text[]) WITH ORDINALITY AS c(id, n)`,
    [stageIds[1], panelTargets],
  );

  const prefix = `${orgId}-hv`;
  const applicants = Array.from({ length: HIRING_CANDIDATES }, (_, i) => applicant(prefix, i + 1));
  await client.query(`INSERT INTO "Person" (id, "orgId") SELECT id || '-p', $1 FROM unnest($2::text[]) AS a(id)`, [orgId, applicants.map((a) => a.id)]);
  await client.query(
    `INSERT INTO "Candidate" (id, "orgId", name, "vacancyId", "stageId", "personId", status, "decidedAt", "updatedAt")
     SELECT a.id, $1, 'Applicant ' || a.n, $2, a.stage, a.id || '-p', a.status::"CandidateStatus",
       CASE WHEN a.status = 'ACTIVE' THEN NULL ELSE timestamp '2026-02-01 12:00' END, now()
     FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS a(id, stage, status, n)`,
    [orgId, vacancyId, applicants.map((a) => a.id), applicants.map((a) => stageIds[a.stage]!), applicants.map((a) => a.status)],
  );

  // Interviews, panels and submitted scorecards (a waiting panel lacks its last panelist's).
  const interviews: Array<{ id: string; candidateId: string; stage: 0 | 1; state: "scheduled" | "waiting" | "done" }> = [];
  const seats: Array<{ interviewId: string; userId: string }> = [];
  const cards: Array<{ id: string; interviewId: string; panelistId: string; stage: 0 | 1 }> = [];
  applicants.forEach((a, i) => {
    for (const interview of a.interviews) {
      const id = `${a.id}-i${interview.stage}`;
      interviews.push({ id, candidateId: a.id, stage: interview.stage, state: interview.state });
      const members = panelOf(interview.stage, i + 1);
      members.forEach((userId, k) => {
        seats.push({ interviewId: id, userId });
        const submitted = interview.state === "done" || (interview.state === "waiting" && k < members.length - 1);
        if (submitted) cards.push({ id: `${id}-s${k}`, interviewId: id, panelistId: userId, stage: interview.stage });
      });
    }
  });
  // Completed once every panelist has submitted, as the app keeps interviews; scheduled ones are in two days.
  await client.query(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", status, "updatedAt")
     SELECT i.id, $1, i.candidate, i.version, i.stage,
       CASE WHEN i.state = 'scheduled' THEN now() + interval '2 days' ELSE timestamp '2026-01-20 09:00' + i.n * interval '13 minutes' END,
       (CASE WHEN i.state = 'done' THEN 'COMPLETED' ELSE 'SCHEDULED' END)::"InterviewStatus", now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS i(id, candidate, version, stage, state, n)`,
    [
      orgId,
      interviews.map((i) => i.id),
      interviews.map((i) => i.candidateId),
      interviews.map((i) => scripts[i.stage].versionId),
      interviews.map((i) => stageIds[i.stage]!),
      interviews.map((i) => i.state),
    ],
  );
  await client.query(`INSERT INTO "PanelMember" ("interviewId", "userId") SELECT * FROM unnest($1::text[], $2::text[])`, [
    seats.map((s) => s.interviewId),
    seats.map((s) => s.userId),
  ]);
  await client.query(
    `INSERT INTO "Scorecard" (id, "orgId", "interviewId", "panelistId", status, version, recommendation, summary, "startedAt", "submittedAt", "updatedAt")
     SELECT s.id, $1, s.interview, s.panelist, 'SUBMITTED', 12,
       (ARRAY['STRONG_NO','NO','YES','STRONG_YES'])[1 + abs(hashtext(s.id)) % 4]::"Recommendation", 'Summary',
       timestamp '2026-01-20 09:00', timestamp '2026-01-20 10:00', now()
     FROM unnest($2::text[], $3::text[], $4::text[]) AS s(id, interview, panelist)`,
    [orgId, cards.map((c) => c.id), cards.map((c) => c.interviewId), cards.map((c) => c.panelistId)],
  );
  let ratings = 0;
  for (const stage of [0, 1] as const) {
    const ids = cards.filter((c) => c.stage === stage).map((c) => c.id);
    const cells = scripts[stage].cells;
    ratings += ids.length * cells.length;
    await client.query(
      `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "notAssessed", "updatedAt")
       SELECT sc.id || '-' || cell.n, sc.id, cell.item, cell.comp,
         CASE WHEN h % 25 = 0 THEN NULL ELSE 1 + h % 4 END, h % 25 = 0, now()
       FROM unnest($1::text[]) AS sc(id)
       CROSS JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS cell(item, comp, n)
       CROSS JOIN LATERAL (SELECT abs(hashtext(sc.id || cell.n)) AS h) hh`,
      [ids, cells.map((c) => c.itemId), cells.map((c) => c.competencyId)],
    );
    // Evidence notes on every question, as panelists write them.
    await client.query(
      `INSERT INTO "ScorecardNote" ("scorecardId", "itemId", body, "updatedAt")
       SELECT sc.id, item.id, 'Gave a concrete example; described the steps, who they involved and what they would do differently next time.', now()
       FROM unnest($1::text[]) AS sc(id) CROSS JOIN unnest($2::text[]) AS item(id)`,
      [ids, [...new Set(cells.map((c) => c.itemId))]],
    );
  }

  // Debriefs (closed ones with their decision) chaired by the vacancy's manager.
  const debriefs = applicants.flatMap((a) => a.debriefs.map((d) => ({ id: `${a.id}-d${d.stage}`, candidateId: a.id, ...d })));
  await client.query(
    `INSERT INTO "Debrief" (id, "orgId", "candidateId", "stageId", "chairId", status, "openedAt", "closedAt")
     SELECT d.id, $1, d.candidate, d.stage, $2, CASE WHEN d.closed THEN 'CLOSED' ELSE 'OPEN' END::"DebriefStatus",
       timestamp '2026-01-25 09:00', CASE WHEN d.closed THEN timestamp '2026-01-25 09:40' END
     FROM unnest($3::text[], $4::text[], $5::text[], $6::boolean[]) AS d(id, candidate, stage, closed)`,
    [orgId, managerId, debriefs.map((d) => d.id), debriefs.map((d) => d.candidateId), debriefs.map((d) => stageIds[d.stage]!), debriefs.map((d) => d.outcome !== null)],
  );
  const decided = debriefs.filter((d) => d.outcome !== null);
  await client.query(
    `INSERT INTO "Decision" (id, "orgId", "debriefId", "candidateId", "stageId", outcome, "nextStageId", rationale, "decidedById", "decidedAt")
     SELECT d.id || '-x', $1, d.id, d.candidate, d.stage, d.outcome::"DecisionOutcome", CASE WHEN d.outcome = 'ADVANCE' THEN $2 END,
       'Ethics and Collaboration as the panel saw them; see the debrief.', $3, timestamp '2026-01-25 09:40'
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS d(id, candidate, stage, outcome)`,
    [orgId, stageIds[1], managerId, decided.map((d) => d.id), decided.map((d) => d.candidateId), decided.map((d) => stageIds[d.stage]!), decided.map((d) => d.outcome!)],
  );

  // The timed debrief: candidate 1 at the panel interview, three consensus entries and two comments on
  // disagreements of its queue.
  const debriefCandidateId = `${prefix}-c1`;
  const debriefId = `${debriefCandidateId}-d1`;
  await client.query(
    `INSERT INTO "DebriefEntry" (id, "debriefId", "itemId", "competencyId", kind, rating, "meanBefore", "valueAfter", reason, "recordedById")
     SELECT $1 || '-e' || row_number() OVER (ORDER BY u."itemId", u."competencyId"), $1, u."itemId", u."competencyId", 'CONSENSUS', 3, u.mean, 3,
       'The panel agreed on a 3 after discussing the example.', $3
     FROM (
       SELECT r."itemId", r."competencyId", avg(r.score)::float8 AS mean FROM "Rating" r JOIN "Scorecard" sc ON sc.id = r."scorecardId"
       WHERE sc."interviewId" = $2 AND r.score IS NOT NULL GROUP BY r."itemId", r."competencyId" HAVING max(r.score) - min(r.score) >= 2
       ORDER BY r."itemId", r."competencyId" LIMIT 3
     ) u`,
    [debriefId, `${debriefCandidateId}-i1`, managerId],
  );
  await client.query(
    `INSERT INTO "DebriefComment" (id, "debriefId", "itemId", "competencyId", "authorId", body)
     SELECT e.id || '-k', $1, e."itemId", e."competencyId", $2, 'I read the example differently: the candidate waited to be prompted.'
     FROM "DebriefEntry" e WHERE e."debriefId" = $1 ORDER BY e.id LIMIT 2`,
    [debriefId, panelOf(1, 1)[0]],
  );
  return {
    orgId,
    vacancyId,
    candidates: HIRING_CANDIDATES,
    ratings,
    debriefId,
    debriefCandidateId,
    managerEmail: org.managerEmail,
    manager: { userId: managerId, orgId, role: "HIRING_MANAGER" },
  };
}

async function get(baseUrl: string, cookie: string, pathAndQuery: string): Promise<{ body: string; bytes: number }> {
  const response = await fetch(baseUrl + pathAndQuery, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${pathAndQuery.slice(0, 60)}… answered ${response.status}: ${body.slice(0, 300)}`);
  return { body, bytes: Number(response.headers.get("content-length") ?? body.length) };
}

/** The target both reads are held to. */
export const HIRING_TARGET_P95_MS = 150;

export type ReadFigures = {
  procedure: string;
  runs: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  /** The answer's Content-Length (compressed as the app sends it), or its decoded length without one. */
  response_bytes: number;
  /** The floor: the service function in-process (same SQL and JavaScript, no HTTP or tRPC). */
  floor_service_p50_ms: number;
  floor_service_p95_ms: number;
  ratio_p95_service: number | null;
  target_p95_ms: number;
  pass: boolean;
};

function figures(procedure: string, times: number[], floor: number[], bytes: number): ReadFigures {
  const p95 = round(percentile(times, 95), 1);
  const floorP95 = percentile(floor, 95);
  return {
    procedure,
    runs: times.length,
    p50_ms: round(percentile(times, 50), 1),
    p95_ms: p95,
    max_ms: round(Math.max(...times), 1),
    response_bytes: bytes,
    floor_service_p50_ms: round(percentile(floor, 50), 1),
    floor_service_p95_ms: round(floorP95, 1),
    ratio_p95_service: floorP95 > 0 ? round(percentile(times, 95) / floorP95, 2) : null,
    target_p95_ms: HIRING_TARGET_P95_MS,
    pass: p95 < HIRING_TARGET_P95_MS,
  };
}

export type DebriefPageFigures = ReadFigures & { org_ratings: number; vacancy_candidates: number; panelists: number; questions: number; queue_units: number; ranked_of: number };
export type PipelineFigures = ReadFigures & { org_ratings: number; vacancy_candidates: number; columns: Record<string, number> };

/** debriefs.get of the seeded debrief, as its chair (the vacancy's hiring manager) opens the page. */
export async function benchDebriefPage(
  baseUrl: string,
  cookie: string,
  prisma: PrismaClient,
  vacancy: HiringVacancy,
  orgRatings: number,
  options: { runs: number; warmup: number },
): Promise<DebriefPageFigures> {
  const path = batchQueryPath("debriefs.get", { id: vacancy.debriefId });
  const first = await get(baseUrl, cookie, path);
  const view = batchResult<{ queue: unknown[]; panel: unknown[]; mechanical: { rank: number | null; rankedOf: number } }>(first.body);
  if (view.mechanical.rank === null) throw new Error("The bench debrief has no rank: its candidate has no score at the stage.");
  const times = await timed(options.runs, options.warmup, () => get(baseUrl, cookie, path));
  const floor = await timed(options.runs, options.warmup, () => getDebrief(prisma, vacancy.manager, { id: vacancy.debriefId }));
  return {
    ...figures("debriefs.get", times, floor, first.bytes),
    org_ratings: orgRatings,
    vacancy_candidates: vacancy.candidates,
    panelists: view.panel.length,
    questions: PANEL_QUESTIONS,
    queue_units: view.queue.length,
    ranked_of: view.mechanical.rankedOf,
  };
}

/** vacancies.pipeline of the 2,000-candidate vacancy, as its hiring manager opens the board. */
export async function benchPipeline(
  baseUrl: string,
  cookie: string,
  prisma: PrismaClient,
  vacancy: HiringVacancy,
  orgRatings: number,
  options: { runs: number; warmup: number },
): Promise<PipelineFigures> {
  const path = batchQueryPath("vacancies.pipeline", { id: vacancy.vacancyId });
  const first = await get(baseUrl, cookie, path);
  const board = batchResult<{ total: number; columns: Array<{ label: string; count: number }> }>(first.body);
  if (board.total !== vacancy.candidates) throw new Error(`The pipeline shows ${board.total} candidates, not ${vacancy.candidates}.`);
  const times = await timed(options.runs, options.warmup, () => get(baseUrl, cookie, path));
  const floor = await timed(options.runs, options.warmup, () => getVacancyPipeline(prisma, vacancy.manager, { id: vacancy.vacancyId }));
  return {
    ...figures("vacancies.pipeline", times, floor, first.bytes),
    org_ratings: orgRatings,
    vacancy_candidates: board.total,
    columns: Object.fromEntries(board.columns.map((c) => [c.label, c.count])),
  };
}

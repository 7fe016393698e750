// Side-by-side comparison of candidates by competency: per-competency sums and counts, the panel's
// recommendations and the script versions whose weights score each candidate. Grouping happens in SQL, which
// also writes the figures as the JSON the comparison is sent in; the server adds the column headers, the
// weights and (in a blind review) the labels, and the reader in @/lib/insights/comparison-wire puts the
// figures in their columns and ranks the candidates.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Recommendation } from "@/generated/prisma/enums";
import {
  expandComparison,
  type Comparison,
  type ComparisonWire,
  type WireCandidate,
} from "@/lib/insights/comparison-wire";
import { debriefVisibleTo, withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadBlindLabels } from "./blind-labels";
import {
  candidateConditions,
  candidatesWithPendingSeats,
  hasOnlyCandidateFilters,
  scopedScorecards,
  type InsightFilters,
  type ScopeOptions,
} from "./insight-scope";
import { loadVersionWeights, type VersionWeights } from "./script-weights";
import { comparisonStrands } from "@/server/services/strands/comparison-strands";

export type { Comparison, ComparisonRow, RecommendationCounts } from "@/lib/insights/comparison-wire";

export type CompareInput = InsightFilters & { blind: boolean };

/** What the two aggregate statements answer: one row each, of JSON texts (see asCandidateArrays, asCellGroups). */
const candidateArraysRowSchema = z.tuple([z.object({ json: z.string(), versionIds: z.string(), vacancyIds: z.string() })]);
const cellGroupsRowSchema = z.tuple([z.object({ lists: z.string(), json: z.string() })]);
const versionIdsSchema = z.array(z.string());
const competencyListsSchema = z.array(z.array(z.string()));

/**
 * The candidates as one JSON text of WireCandidate arrays (with the name as label), passed on to the client
 * as it is, and beside it the script versions they were scored on and their vacancies (JSON too: the driver
 * decodes Postgres arrays character by character in JavaScript, where JSON.parse is native). Each
 * candidate's latest outcome is their most recent decision the actor may read (the debrief rule of
 * @/server/access/scorecard-visibility), one index lookup on Decision (candidateId, decidedAt) per
 * candidate, or the stage they are at.
 */
function asCandidateArrays(actor: Actor, rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(json_agg(json_build_array(r."candidateId", r."name", r."vacancyId", r."status", r."interviews",
      r."scorecards", r."strongNo", r."no", r."yes", r."strongYes", r."scriptVersionId",
      lo."outcome", coalesce(lo."stage", cs."name"))), '[]')::text AS "json",
      coalesce(json_agg(DISTINCT r."scriptVersionId"), '[]')::text AS "versionIds",
      coalesce(json_agg(DISTINCT r."vacancyId"), '[]')::text AS "vacancyIds"
    FROM (${rows}) r
    ${latestOutcomeJoins(actor, Prisma.raw("r"))}`;
}

/**
 * `cs`, the stage the candidate (a row `r` with "candidateId" and "stageId") is at, and `lo`, their most
 * recent decision the actor may read (outcome and stage name): the comparison's "Latest outcome".
 */
export function latestOutcomeJoins(actor: Actor, r: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    LEFT JOIN "VacancyStage" cs ON cs."id" = ${r}."stageId"
    LEFT JOIN LATERAL (
      SELECT d."outcome", ds."name" AS "stage"
      FROM "Decision" d
      JOIN "VacancyStage" ds ON ds."id" = d."stageId"
      WHERE d."candidateId" = ${r}."candidateId" AND ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
      ORDER BY d."decidedAt" DESC, d."id" DESC
      LIMIT 1
    ) lo ON TRUE`;
}

/**
 * The cells grouped by competency list, as two JSON texts in the same order: `lists`, each group's
 * competency ids, and `json`, `[[candidateIds, figures], …]` (WireCellGroup), where figures[i] is
 * candidateIds[i]'s sums, counts and "not assessed" marks end to end (three runs of the list's length).
 * The candidates of a comparison share one or a few lists (those of their script versions), so each list
 * is sent once rather than once per candidate: sending 13 ids for each of 2,000 candidates was three
 * quarters of the text, and most of the time Postgres spent building it and Node spent parsing it. The
 * server reads only the lists (to turn ids into columns) and passes `json` on as it is. Candidates without
 * any rating have no cells and no group.
 */
function asCellGroups(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(json_agg(g."competencyIds" ORDER BY g."competencyIds"), '[]')::text AS "lists",
      coalesce(json_agg(json_build_array(g."candidateIds", g."figures") ORDER BY g."competencyIds"), '[]')::text AS "json"
    FROM (
      SELECT r."competencyIds", array_agg(r."candidateId") AS "candidateIds",
        array_agg(r."sums" || r."counts" || r."notAssessed") AS "figures"
      FROM (${rows}) r
      WHERE cardinality(r."competencyIds") > 0
      GROUP BY r."competencyIds"
    ) g`;
}

/**
 * The aggregate SQL a comparison runs (both statements in parallel, each answering JSON text: the
 * candidates as arrays, the cells as groups);
 * exported so the benchmark can time the same SQL straight against the database as the floor for the endpoint.
 */
export function compareQueries(actor: Actor, input: CompareInput): { candidates: Prisma.Sql; cells: Prisma.Sql } {
  const atOneStage = input.stageId !== undefined && hasOnlyCandidateFilters({ ...input, stageId: undefined });
  if (hasOnlyCandidateFilters(input) || atOneStage) {
    // Whole candidates (vacancy, status, a list, the manager's own): their CandidateInsight rows, kept
    // current by triggers, one index lookup per candidate and nothing to group. Those rows count every
    // submitted scorecard, so a candidate with one withheld from the actor (a panel the actor sits on and has
    // not submitted for) is grouped from the scorecards the actor may see instead. At a stage, the same holds
    // for a candidate whose submitted scorecards are all from that stage's interviews (every candidate of a
    // one-stage plan, those not yet past the first stage); the others are grouped from that stage's scorecards.
    const pending = Prisma.sql`c."id" IN (${candidatesWithPendingSeats(actor)})`;
    const onlyAtStage = atOneStage ? submittedOnlyAtStage(input.stageId!) : Prisma.sql`TRUE`;
    const where = Prisma.sql`${candidateConditions(actor, input)} AND NOT ${pending} AND ${onlyAtStage}`;
    const scoped = scopedRows(actor, input, {
      candidatesInScope: true,
      ...(atOneStage ? { candidateWhere: Prisma.sql`(${pending} OR NOT ${onlyAtStage})` } : { onlyPendingCandidates: true }),
    });
    return {
      candidates: asCandidateArrays(actor, Prisma.sql`
        SELECT ci."candidateId", ci."interviews", ci."scorecards", ci."strongNo", ci."no", ci."yes", ci."strongYes",
          ci."scriptVersionId", c."name", c."vacancyId", c."stageId", c."status"
        FROM "Candidate" c
        JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
        WHERE ${where}
        UNION ALL (${scoped.candidates})`),
      cells: asCellGroups(Prisma.sql`
        SELECT ci."candidateId", ci."competencyIds", ci."sums", ci."counts", ci."notAssessed"
        FROM "Candidate" c
        JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
        WHERE ${where}
        UNION ALL (${scoped.cells})`),
    };
  }
  // Filters on interviews or scorecards (stage, script, dates, panelist): grouped from the scorecards in scope.
  const scoped = scopedRows(actor, input, { candidatesInScope: true });
  return { candidates: asCandidateArrays(actor, scoped.candidates), cells: asCellGroups(scoped.cells) };
}

/** The candidate c has submitted scorecards from interviews at no other stage than this one. */
function submittedOnlyAtStage(stageId: string): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Interview" si JOIN "Scorecard" ssc ON ssc."interviewId" = si."id"
    WHERE si."candidateId" = c."id" AND ssc."status" = 'SUBMITTED'::"ScorecardStatus" AND si."stageId" IS DISTINCT FROM ${stageId})`;
}

/**
 * Per-candidate rows and per-candidate cells grouped from the scorecards the actor may see, by the same SQL
 * functions that keep CandidateInsight (the candidate_figures_once migration), so both give the same figures.
 */
function scopedRows(actor: Actor, input: CompareInput, options: ScopeOptions): { candidates: Prisma.Sql; cells: Prisma.Sql } {
  const scoped = scopedScorecards(actor, input, options);
  return {
    candidates: Prisma.sql`
      ${scoped}
      SELECT p.*, c."name", c."vacancyId", c."stageId", c."status"
      FROM "candidate_scorecard_counts"(ARRAY(SELECT "scorecardId" FROM scoped)) p
      JOIN "Candidate" c ON c."id" = p."candidateId"`,
    cells: Prisma.sql`
      ${scoped}
      SELECT * FROM "candidate_competency_figures"(ARRAY(SELECT "scorecardId" FROM scoped))`,
  };
}

/** The comparison as the page and the export use it: rows with their figures in columns, ranked. */
export async function compareCandidates(db: Db, actor: Actor, input: CompareInput): Promise<Comparison> {
  return expandComparison(await loadComparison(db, actor, input));
}

/** The comparison as it is sent (see ComparisonWire): the aggregates, the column headers and the weights. */
export async function loadComparison(db: Db, actor: Actor, input: CompareInput): Promise<ComparisonWire> {
  requirePermission(actor, "insights:read");
  const queries = compareQueries(actor, input);
  // The two aggregate statements and the competency names at once. What depends on the candidates (the
  // weights of their script versions, blind labels) is asked for as soon as they arrive, by primary key,
  // while the cells are still being built: the comparison waits for the slower aggregate and little else.
  // A plain promise (Prisma's run when first awaited), so the uses below share one query.
  const candidatesLoaded = db
    .$queryRaw(queries.candidates)
    .then((rows) => candidateArraysRowSchema.parse(rows))
    .then(([row]) => ({
      json: row.json,
      versionIds: versionIdsSchema.parse(JSON.parse(row.versionIds)),
      vacancyIds: versionIdsSchema.parse(JSON.parse(row.vacancyIds)),
    }));
  const [candidates, blindCandidates, cells, weights, vacancies, competencyRows, withheld, strands] = await Promise.all([
    candidatesLoaded,
    input.blind ? candidatesLoaded.then(({ json }) => withBlindLabels(db, actor.orgId, json)) : null,
    db.$queryRaw(queries.cells).then((rows) => cellGroupsRowSchema.parse(rows)),
    candidatesLoaded.then(({ versionIds }) => comparisonWeights(db, actor, versionIds, input.stageId)),
    candidatesLoaded.then(({ vacancyIds }) =>
      db.vacancy.findMany({ where: { id: { in: vacancyIds }, orgId: actor.orgId }, select: { id: true, title: true } }),
    ),
    db.competency.findMany({
      where: { OR: [{ orgId: null }, { orgId: actor.orgId }] },
      select: { id: true, name: true, sortOrder: true },
    }),
    // The interview and panelist filters narrow nothing here: a withheld scorecard is counted for the
    // candidates the page lists, so the note stays true however the table is filtered.
    withheldFromPendingSeats(db, actor, { candidateWhere: candidateConditions(actor, input) }),
    // At one stage, each strand's figures (issue 23); they score the candidates under the stage's strand policy.
    comparisonStrands(db, actor, input.stageId),
  ]);
  const lists = competencyListsSchema.parse(JSON.parse(cells[0].lists));
  const names = new Map(competencyRows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
  const competencyIds = [...new Set(lists.flat())];

  const headerWeights = await headerVersion(db, candidates.versionIds, input.scriptId, weights);
  const weightOf = new Map(headerWeights?.map((w) => [w.competencyId, w]) ?? []);
  const competencies = competencyIds
    .map((id) => ({ id, name: names.get(id)?.name ?? "Unknown competency", weight: weightOf.get(id)?.weight ?? null }))
    .sort((a, b) => {
      const pa = weightOf.get(a.id)?.position ?? Number.MAX_SAFE_INTEGER;
      const pb = weightOf.get(b.id)?.position ?? Number.MAX_SAFE_INTEGER;
      const sa = names.get(a.id)?.sortOrder ?? 0;
      const sb = names.get(b.id)?.sortOrder ?? 0;
      return pa - pb || sa - sb || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    });
  const columnOf = new Map(competencies.map((c, i) => [c.id, i]));
  const versionWeights: ComparisonWire["weights"] = {};
  for (const [versionId, list] of weights) {
    versionWeights[versionId] = list.map((w) => [columnOf.get(w.competencyId) ?? -1, w.weight]);
  }
  return {
    competencies,
    vacancies: Object.fromEntries(vacancies.map((v) => [v.id, v.title])),
    candidates: blindCandidates ?? candidates.json,
    groupColumns: lists.map((ids) => ids.map((id) => columnOf.get(id)!)),
    groups: cells[0].json,
    weights: versionWeights,
    withheld,
    ...(strands ? { strands } : {}),
  };
}

/**
 * The weights that score each candidate: their script version's own, or, at a stage with weights of its own
 * (the interview plan's VacancyStageWeight), the stage's for every candidate, so the weighted score at a stage
 * is the stage score the debrief shows.
 */
async function comparisonWeights(
  db: Db,
  actor: Actor,
  versionIds: string[],
  stageId: string | undefined,
): Promise<Map<string, VersionWeights>> {
  if (stageId === undefined || versionIds.length === 0) return loadVersionWeights(db, versionIds);
  const stageWeights = await db.vacancyStageWeight.findMany({
    where: { stageId, stage: { vacancy: { orgId: actor.orgId } } },
    orderBy: [{ competency: { sortOrder: "asc" } }, { competencyId: "asc" }],
    select: { competencyId: true, weight: true },
  });
  if (stageWeights.length === 0) return loadVersionWeights(db, versionIds);
  const list: VersionWeights = stageWeights.map((w, position) => ({ ...w, position }));
  return new Map(versionIds.map((id) => [id, list]));
}

/** In a blind review no name leaves the server: each candidate's label in place of the name. */
async function withBlindLabels(db: Db, orgId: string, candidatesJson: string): Promise<string> {
  const candidates = JSON.parse(candidatesJson) as WireCandidate[];
  const labels = await loadBlindLabels(db, orgId, candidates.map((c) => c[0]));
  for (const c of candidates) c[1] = labels.get(c[0]) ?? "Candidate";
  return JSON.stringify(candidates);
}

/**
 * Whose weights head the columns: the one set every candidate is scored with (one version, or a stage's
 * own weights); with a script filter, that script's latest version among the candidates. Mixed versions
 * have no single set of weights to show.
 */
async function headerVersion(
  db: Db,
  versionIds: string[],
  scriptId: string | undefined,
  weights: Map<string, VersionWeights>,
): Promise<VersionWeights | null> {
  if (versionIds.length === 0) return null;
  const sets = new Set(versionIds.map((id) => weights.get(id)));
  if (sets.size === 1) return weights.get(versionIds[0]!) ?? null;
  if (scriptId === undefined) return null;
  const latest = await db.scriptVersion.findFirst({
    where: { id: { in: versionIds }, scriptId },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return latest ? (weights.get(latest.id) ?? null) : null;
}

export const RECOMMENDATION_ORDER: Recommendation[] = ["STRONG_NO", "NO", "YES", "STRONG_YES"];

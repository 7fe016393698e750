// The two statements behind the candidate comparison (compare-candidates.ts), in one place: the candidates as
// JSON arrays (with their script versions' weights and their vacancies' titles), and their competency figures
// grouped by competency list. The benchmark runs the very same statements as the endpoint's floors.
import { Prisma } from "@/generated/prisma/client";
import { debriefVisibleTo } from "@/server/access/scorecard-visibility";
import type { Actor } from "@/server/services/actor";
import {
  candidateConditions,
  candidatesWithPendingSeats,
  hasOnlyCandidateFilters,
  scopedScorecards,
  type InsightFilters,
  type ScopeOptions,
} from "../insight-scope";

export type CompareInput = InsightFilters & { blind: boolean };

/**
 * The candidates as one JSON text of WireCandidate arrays (with the name as label), passed on to the client
 * as it is, and beside it, as JSON too (the driver decodes Postgres arrays character by character in
 * JavaScript, where JSON.parse is native): the script versions they were scored on, with each version's
 * competency weights, and their vacancies' titles. Asked for in this one statement, the weights and titles
 * cost the page no round trip after the candidates arrive. Each candidate's latest outcome is their most
 * recent decision the actor may read (the debrief rule of @/server/access/scorecard-visibility), one index
 * lookup on Decision (candidateId, decidedAt) per candidate, or the stage they are at.
 */
function asCandidateArrays(actor: Actor, rows: Prisma.Sql): Prisma.Sql {
  // The candidates are aggregated first, as their own query (one row); the titles and weights are then
  // looked up from that row's id arrays by primary key, which leaves the candidates' plan as it was.
  return Prisma.sql`
    SELECT a."json", coalesce(array_to_json(a."versionIds"), '[]')::text AS "versionIds",
      (SELECT coalesce(json_object_agg(vac."id", vac."title"), '{}')::text
        FROM "Vacancy" vac
        WHERE vac."id" = ANY(a."vacancyIds") AND vac."orgId" = ${actor.orgId}) AS "vacancies",
      (SELECT coalesce(json_object_agg(x."versionId", x."weights"), '{}')::text
        FROM (
          SELECT svc."versionId", json_agg(json_build_array(svc."competencyId", svc."weight", svc."position")
            ORDER BY svc."position", svc."competencyId") AS "weights"
          FROM "ScriptVersionCompetency" svc
          WHERE svc."versionId" = ANY(a."versionIds")
          GROUP BY svc."versionId"
        ) x) AS "weights"
    FROM (
      SELECT coalesce(json_agg(json_build_array(r."candidateId", r."name", r."vacancyId", r."status", r."interviews",
        r."scorecards", r."strongNo", r."no", r."yes", r."strongYes", r."scriptVersionId",
        lo."outcome", coalesce(lo."stage", cs."name"))), '[]')::text AS "json",
        array_agg(DISTINCT r."scriptVersionId") FILTER (WHERE r."scriptVersionId" IS NOT NULL) AS "versionIds",
        array_agg(DISTINCT r."vacancyId") AS "vacancyIds"
      FROM (${rows}) r
      ${latestOutcomeJoins(actor, Prisma.raw("r"))}
    ) a`;
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

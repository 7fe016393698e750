// Side-by-side comparison of candidates by competency: per-competency means and counts, a weighted score
// from the script's weights, and the panel's recommendations. Grouping happens in SQL; JS only combines
// the grouped rows (one per candidate × competency).
import { Prisma } from "@/generated/prisma/client";
import type { CandidateStatus, Recommendation } from "@/generated/prisma/enums";
import { meanAt } from "@/lib/insights/comparison-cells";
import { weightedScore } from "@/lib/statistics/describe-scores";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadBlindLabels } from "./blind-labels";
import { candidateConditions, hasOnlyCandidateFilters, scopedScorecards, type InsightFilters } from "./insight-scope";
import type { VersionWeights } from "./script-weights";

export type CompareInput = InsightFilters & { blind: boolean };

export type RecommendationCounts = Record<Recommendation, number>;

export type ComparisonRow = {
  candidateId: string;
  label: string;
  position: string;
  status: CandidateStatus;
  interviews: number;
  scorecards: number;
  weightedScore: number | null;
  /** Per competency, in the order of Comparison.competencies (read them with cellAt from @/lib/insights/comparison-cells). */
  sums: number[];
  counts: number[];
  notAssessed: number[];
  recommendations: RecommendationCounts;
};

export type Comparison = {
  competencies: Array<{ id: string; name: string; weight: number | null }>;
  rows: ComparisonRow[];
};

type CandidateAggregate = {
  candidateId: string;
  name: string;
  position: string;
  status: CandidateStatus;
  interviews: number;
  scorecards: number;
  strongNo: number;
  no: number;
  yes: number;
  strongYes: number;
  scriptVersionId: string;
  scriptId: string;
  version: number;
};

/** One candidate's competencies, in no particular order: candidateId, competencyIds, sums, counts, notAssessed. */
const CELL_COLUMNS = ["candidateId", "competencyIds", "sums", "counts", "notAssessed"] as const;
type CellTuple = [string, string[], number[], number[], number[]];

/**
 * Rows as one JSON text, each row an array of `columns`: one value to send and to parse (JSON.parse is
 * native), where the driver decodes Postgres arrays character by character in JavaScript (2,000 rows of
 * four arrays: most of the time the comparison spent outside the database). Rows of plain columns decode
 * faster as rows, so only the cells are sent this way.
 */
function asJsonRows(rows: Prisma.Sql, columns: readonly string[]): Prisma.Sql {
  const values = Prisma.raw(columns.map((c) => `r."${c}"`).join(", "));
  return Prisma.sql`SELECT coalesce(json_agg(json_build_array(${values})), '[]')::text AS "json" FROM (${rows}) r`;
}

/**
 * The aggregate SQL a comparison runs (both statements in parallel; the cells as one JSON text); exported
 * so the benchmark can time the same SQL straight against the database as the floor for the endpoint.
 */
export function compareQueries(actor: Actor, input: CompareInput): { candidates: Prisma.Sql; cells: Prisma.Sql } {
  if (hasOnlyCandidateFilters(input)) {
    // Whole candidates (position, status, a list, the manager's own): their CandidateInsight rows, kept
    // current by triggers, one index lookup per candidate and nothing to group.
    const where = candidateConditions(actor, input);
    return {
      candidates: Prisma.sql`
        SELECT ci."candidateId", ci."interviews", ci."scorecards", ci."strongNo", ci."no", ci."yes", ci."strongYes",
          ci."scriptVersionId", c."name", c."position", c."status", v."scriptId", v."version"
        FROM "Candidate" c
        JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
        JOIN "ScriptVersion" v ON v."id" = ci."scriptVersionId"
        WHERE ${where}`,
      cells: asJsonRows(
        Prisma.sql`
          SELECT ci."candidateId", ci."competencyIds", ci."sums", ci."counts", ci."notAssessed"
          FROM "Candidate" c
          JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
          WHERE ${where}`,
        CELL_COLUMNS,
      ),
    };
  }
  // Filters on interviews or scorecards (script, dates, panelist): grouped from the scorecards in scope.
  const scoped = scopedScorecards(actor, input);
  return {
    // One pass over the scoped scorecards (no self-join, so a poor row estimate cannot turn into a
    // nested loop); the weights come from the version of the latest interview in scope.
    candidates: Prisma.sql`
      ${scoped},
      per_candidate AS (
        SELECT "candidateId",
          count(DISTINCT "interviewId")::int AS "interviews",
          count(*)::int AS "scorecards",
          count(*) FILTER (WHERE "recommendation" = 'STRONG_NO')::int AS "strongNo",
          count(*) FILTER (WHERE "recommendation" = 'NO')::int AS "no",
          count(*) FILTER (WHERE "recommendation" = 'YES')::int AS "yes",
          count(*) FILTER (WHERE "recommendation" = 'STRONG_YES')::int AS "strongYes",
          (array_agg("scriptVersionId" ORDER BY "scheduledAt" DESC, "interviewId" DESC))[1] AS "scriptVersionId"
        FROM scoped
        GROUP BY "candidateId"
      )
      SELECT p.*, c."name", c."position", c."status", v."scriptId", v."version"
      FROM per_candidate p
      JOIN "Candidate" c ON c."id" = p."candidateId"
      JOIN "ScriptVersion" v ON v."id" = p."scriptVersionId"`,
    // From the per-scorecard tallies (about a third as many rows as ratings), not the raw ratings.
    cells: asJsonRows(
      Prisma.sql`
        ${scoped},
        per_cell AS (
          SELECT s."candidateId", t."competencyId",
            sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int AS "sum",
            sum(t."one" + t."two" + t."three" + t."four")::int AS "n",
            sum(t."notAssessed")::int AS "notAssessed"
          FROM scoped s
          JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = s."scorecardId"
          GROUP BY s."candidateId", t."competencyId"
        )
        SELECT "candidateId", array_agg("competencyId") AS "competencyIds", array_agg("sum") AS "sums",
          array_agg("n") AS "counts", array_agg("notAssessed") AS "notAssessed"
        FROM per_cell
        GROUP BY "candidateId"`,
      CELL_COLUMNS,
    ),
  };
}

/**
 * The weights of every script version the comparison can score with, found from the same filters, so they
 * load alongside the aggregates instead of in a second round trip.
 */
function weightsQuery(actor: Actor, input: CompareInput): Prisma.Sql {
  const versions = hasOnlyCandidateFilters(input)
    ? Prisma.sql`SELECT ci."scriptVersionId" FROM "Candidate" c
        JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
        WHERE ${candidateConditions(actor, input)}`
    : Prisma.sql`${scopedScorecards(actor, input)} SELECT "scriptVersionId" FROM scoped`;
  return Prisma.sql`
    SELECT w."versionId", w."competencyId", w."weight", w."position"
    FROM "ScriptVersionCompetency" w
    WHERE w."versionId" IN (${versions})
    ORDER BY w."position", w."competencyId"`;
}

export async function compareCandidates(db: Db, actor: Actor, input: CompareInput): Promise<Comparison> {
  requirePermission(actor, "insights:read");
  const queries = compareQueries(actor, input);
  // One round trip: the aggregates, the weights and the names of the competencies the organisation can rate.
  const [candidates, cellJson, weightRows, competencyRows] = await Promise.all([
    db.$queryRaw<CandidateAggregate[]>(queries.candidates),
    db.$queryRaw<[{ json: string }]>(queries.cells),
    db.$queryRaw<Array<{ versionId: string; competencyId: string; weight: number; position: number }>>(weightsQuery(actor, input)),
    db.competency.findMany({
      where: { OR: [{ orgId: null }, { orgId: actor.orgId }] },
      select: { id: true, name: true, sortOrder: true },
    }),
  ]);
  const cells = (JSON.parse(cellJson[0].json) as CellTuple[]).map(([candidateId, competencyIds, sums, counts, notAssessed]) => ({
    candidateId, competencyIds, sums, counts, notAssessed,
  }));
  const labels = input.blind ? await loadBlindLabels(db, actor.orgId, candidates.map((c) => c.candidateId)) : null;
  const weights = new Map<string, VersionWeights>();
  for (const { versionId, ...weight } of weightRows) {
    const list = weights.get(versionId) ?? [];
    list.push(weight);
    weights.set(versionId, list);
  }
  const names = new Map(competencyRows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
  const competencyIds = [...new Set(cells.flatMap((c) => c.competencyIds))];

  const headerWeights = headerVersion(candidates, input.scriptId, weights);
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

  const cellsByCandidate = new Map(cells.map((c) => [c.candidateId, c]));
  // Per 2,000 rows the lookups add up, so they are done once: candidates' competency lists come sorted the
  // same way (usually identical), and every candidate on a script version is weighted the same way.
  let lastIds: string[] = [];
  let lastColumns: number[] = [];
  const columnsOf = (ids: string[]) => {
    if (ids.length !== lastIds.length || ids.some((id, j) => id !== lastIds[j])) {
      lastIds = ids;
      lastColumns = ids.map((id) => columnOf.get(id)!);
    }
    return lastColumns;
  };
  const scoring = new Map<string, Array<{ column: number | undefined; weight: number }>>();
  const scoringOf = (versionId: string) => {
    let terms = scoring.get(versionId);
    if (!terms) {
      terms = (weights.get(versionId) ?? []).map((w) => ({ column: columnOf.get(w.competencyId), weight: w.weight }));
      scoring.set(versionId, terms);
    }
    return terms;
  };
  const rows: ComparisonRow[] = candidates.map((c) => {
    const sums = new Array<number>(competencies.length).fill(0);
    const counts = new Array<number>(competencies.length).fill(0);
    const notAssessed = new Array<number>(competencies.length).fill(0);
    const own = cellsByCandidate.get(c.candidateId);
    if (own) {
      const columns = columnsOf(own.competencyIds);
      for (let j = 0; j < columns.length; j++) {
        const column = columns[j]!;
        sums[column] = own.sums[j]!;
        counts[column] = own.counts[j]!;
        notAssessed[column] = own.notAssessed[j]!;
      }
    }
    const row = { sums, counts, notAssessed };
    return {
      candidateId: c.candidateId,
      label: labels ? (labels.get(c.candidateId) ?? "Candidate") : c.name,
      position: c.position,
      status: c.status,
      interviews: c.interviews,
      scorecards: c.scorecards,
      weightedScore: weightedScore(
        scoringOf(c.scriptVersionId).map(({ column, weight }) => ({
          mean: column === undefined ? null : meanAt(row, column),
          weight,
        })),
      ),
      sums,
      counts,
      notAssessed,
      recommendations: { STRONG_NO: c.strongNo, NO: c.no, YES: c.yes, STRONG_YES: c.strongYes },
    };
  });
  rows.sort(byWeightedScoreThenLabel);
  return { competencies, rows };
}

/** The same order as localeCompare, without building a collator for every one of 2,000 rows' comparisons. */
const labelOrder = new Intl.Collator();

function byWeightedScoreThenLabel(a: ComparisonRow, b: ComparisonRow): number {
  if (a.weightedScore !== b.weightedScore) {
    if (a.weightedScore === null) return 1;
    if (b.weightedScore === null) return -1;
    return b.weightedScore - a.weightedScore;
  }
  return labelOrder.compare(a.label, b.label) || a.candidateId.localeCompare(b.candidateId);
}

/**
 * Whose weights head the columns: with a script filter, its latest version among the rows; otherwise the
 * one version every row shares. Mixed versions have no single set of weights to show.
 */
function headerVersion(
  candidates: CandidateAggregate[],
  scriptId: string | undefined,
  weights: Map<string, VersionWeights>,
): VersionWeights | null {
  if (candidates.length === 0) return null;
  const versions = new Map(candidates.map((c) => [c.scriptVersionId, c]));
  if (versions.size === 1) return weights.get(candidates[0]!.scriptVersionId) ?? null;
  if (scriptId === undefined) return null;
  const latest = [...versions.values()]
    .filter((c) => c.scriptId === scriptId)
    .sort((a, b) => b.version - a.version)[0];
  return latest ? (weights.get(latest.scriptVersionId) ?? null) : null;
}

export const RECOMMENDATION_ORDER: Recommendation[] = ["STRONG_NO", "NO", "YES", "STRONG_YES"];

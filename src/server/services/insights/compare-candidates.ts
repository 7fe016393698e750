// Side-by-side comparison of candidates by competency: per-competency means and counts, a weighted score
// from the script's weights, and the panel's recommendations. Grouping happens in SQL; JS only combines
// the grouped rows (one per candidate × competency).
import { Prisma } from "@/generated/prisma/client";
import type { CandidateStatus, Recommendation } from "@/generated/prisma/enums";
import { weightedScore } from "@/lib/statistics/describe-scores";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadBlindLabels } from "./blind-labels";
import { scopedScorecards, type InsightFilters } from "./insight-scope";
import { loadCompetencyNames, loadVersionWeights, type VersionWeights } from "./script-weights";

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
  cells: Record<string, { mean: number | null; n: number; notAssessed: number }>;
  recommendations: RecommendationCounts;
  /** The script version whose weights give weightedScore: the one of the candidate's latest interview in scope. */
  scriptVersionId: string;
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

type CellAggregate = { candidateId: string; competencyId: string; mean: number | null; n: number; notAssessed: number };

/**
 * The aggregate SQL a comparison runs (both statements in parallel); exported so the benchmark can time
 * the same SQL straight against the database as the floor for the endpoint.
 */
export function compareQueries(actor: Actor, input: CompareInput): { candidates: Prisma.Sql; cells: Prisma.Sql } {
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
    cells: Prisma.sql`
      ${scoped}
      SELECT s."candidateId", r."competencyId",
        avg(r."score")::float8 AS "mean",
        count(r."score")::int AS "n",
        count(*) FILTER (WHERE r."notAssessed")::int AS "notAssessed"
      FROM scoped s
      JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
      GROUP BY s."candidateId", r."competencyId"`,
  };
}

export async function compareCandidates(db: Db, actor: Actor, input: CompareInput): Promise<Comparison> {
  requirePermission(actor, "insights:read");
  const queries = compareQueries(actor, input);
  const [candidates, cells] = await Promise.all([
    db.$queryRaw<CandidateAggregate[]>(queries.candidates),
    db.$queryRaw<CellAggregate[]>(queries.cells),
  ]);

  const versionIds = [...new Set(candidates.map((c) => c.scriptVersionId))];
  const competencyIds = [...new Set(cells.map((c) => c.competencyId))];
  const [weights, names, labels] = await Promise.all([
    loadVersionWeights(db, versionIds),
    loadCompetencyNames(db, competencyIds),
    input.blind ? loadBlindLabels(db, actor.orgId, candidates.map((c) => c.candidateId)) : null,
  ]);

  const cellsByCandidate = new Map<string, ComparisonRow["cells"]>();
  for (const cell of cells) {
    const row = cellsByCandidate.get(cell.candidateId) ?? {};
    row[cell.competencyId] = { mean: cell.mean, n: cell.n, notAssessed: cell.notAssessed };
    cellsByCandidate.set(cell.candidateId, row);
  }

  const rows: ComparisonRow[] = candidates.map((c) => {
    const candidateCells = cellsByCandidate.get(c.candidateId) ?? {};
    const versionWeights = weights.get(c.scriptVersionId) ?? [];
    return {
      candidateId: c.candidateId,
      label: labels ? (labels.get(c.candidateId) ?? "Candidate") : c.name,
      position: c.position,
      status: c.status,
      interviews: c.interviews,
      scorecards: c.scorecards,
      weightedScore: weightedScore(
        versionWeights.map((w) => ({ mean: candidateCells[w.competencyId]?.mean ?? null, weight: w.weight })),
      ),
      cells: candidateCells,
      recommendations: { STRONG_NO: c.strongNo, NO: c.no, YES: c.yes, STRONG_YES: c.strongYes },
      scriptVersionId: c.scriptVersionId,
    };
  });
  rows.sort(byWeightedScoreThenLabel);

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
  return { competencies, rows };
}

function byWeightedScoreThenLabel(a: ComparisonRow, b: ComparisonRow): number {
  if (a.weightedScore !== b.weightedScore) {
    if (a.weightedScore === null) return 1;
    if (b.weightedScore === null) return -1;
    return b.weightedScore - a.weightedScore;
  }
  return a.label.localeCompare(b.label) || a.candidateId.localeCompare(b.candidateId);
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

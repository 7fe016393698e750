// Side-by-side comparison of candidates by competency: per-competency means and counts, a weighted score
// from the script's weights, and the panel's recommendations. Grouping happens in SQL; JS only puts each
// candidate's figures in the comparison's columns and scores them.
import { Prisma } from "@/generated/prisma/client";
import type { CandidateStatus, Recommendation } from "@/generated/prisma/enums";
import { meanAt } from "@/lib/insights/comparison-cells";
import { weightedScore } from "@/lib/statistics/describe-scores";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadBlindLabels } from "./blind-labels";
import { candidateConditions, hasOnlyCandidateFilters, scopedScorecards, type InsightFilters } from "./insight-scope";
import { loadVersionWeights, type VersionWeights } from "./script-weights";

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

/**
 * The cells as one JSON text, grouped by competency list: `[[competencyIds, candidateIds, figures], …]`,
 * where figures[i] is candidateIds[i]'s sums, counts and "not assessed" marks end to end (three runs of
 * competencyIds.length). The candidates of a comparison share one or a few lists (those of their script
 * versions), so each list is sent once rather than once per candidate: sending 13 ids for each of 2,000
 * candidates was three quarters of the text, and most of the time Postgres spent building it and Node
 * spent parsing it. One text value because the driver decodes Postgres arrays character by character in
 * JavaScript, where JSON.parse is native. Candidates without any rating have no cells and no group.
 */
function asCellGroups(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(json_agg(json_build_array(g."competencyIds", g."candidateIds", g."figures")), '[]')::text AS "json"
    FROM (
      SELECT r."competencyIds", array_agg(r."candidateId") AS "candidateIds",
        array_agg(r."sums" || r."counts" || r."notAssessed") AS "figures"
      FROM (${rows}) r
      WHERE cardinality(r."competencyIds") > 0
      GROUP BY r."competencyIds"
    ) g`;
}

/** One group of asCellGroups: a competency list, its candidates, and each one's sums ‖ counts ‖ notAssessed. */
type CellGroup = [competencyIds: string[], candidateIds: string[], figures: number[][]];

/**
 * The aggregate SQL a comparison runs (both statements in parallel; the cells as one JSON text of groups);
 * exported so the benchmark can time the same SQL straight against the database as the floor for the endpoint.
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
      cells: asCellGroups(Prisma.sql`
        SELECT ci."candidateId", ci."competencyIds", ci."sums", ci."counts", ci."notAssessed"
        FROM "Candidate" c
        JOIN "CandidateInsight" ci ON ci."candidateId" = c."id"
        WHERE ${where}`),
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
    cells: asCellGroups(
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
        SELECT "candidateId", array_agg("competencyId" ORDER BY "competencyId") AS "competencyIds",
          array_agg("sum" ORDER BY "competencyId") AS "sums", array_agg("n" ORDER BY "competencyId") AS "counts",
          array_agg("notAssessed" ORDER BY "competencyId") AS "notAssessed"
        FROM per_cell
        GROUP BY "candidateId"`,
    ),
  };
}

export async function compareCandidates(db: Db, actor: Actor, input: CompareInput): Promise<Comparison> {
  requirePermission(actor, "insights:read");
  const queries = compareQueries(actor, input);
  // The two aggregate statements and the competency names at once. What depends on the candidates (the
  // weights of their script versions, blind labels) is asked for as soon as they arrive, by primary key,
  // while the cells are still being built: the comparison waits for the slower aggregate and little else.
  // A plain promise (Prisma's run when first awaited), so the three uses below share one query.
  const candidatesLoaded: Promise<CandidateAggregate[]> = db.$queryRaw<CandidateAggregate[]>(queries.candidates).then((rows) => rows);
  const [candidates, cellJson, weights, labels, competencyRows] = await Promise.all([
    candidatesLoaded,
    db.$queryRaw<[{ json: string }]>(queries.cells),
    candidatesLoaded.then((rows) => loadVersionWeights(db, [...new Set(rows.map((c) => c.scriptVersionId))])),
    input.blind ? candidatesLoaded.then((rows) => loadBlindLabels(db, actor.orgId, rows.map((c) => c.candidateId))) : null,
    db.competency.findMany({
      where: { OR: [{ orgId: null }, { orgId: actor.orgId }] },
      select: { id: true, name: true, sortOrder: true },
    }),
  ]);
  const groups = JSON.parse(cellJson[0].json) as CellGroup[];
  const names = new Map(competencyRows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
  const competencyIds = [...new Set(groups.flatMap(([ids]) => ids))];

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

  // Each candidate's figures with the columns they go to (looked up once per competency list). Per
  // 2,000 rows the lookups add up, and every candidate on a script version is weighted the same way.
  const cellsByCandidate = new Map<string, { columns: number[]; figures: number[] }>();
  for (const [ids, candidateIds, figures] of groups) {
    const columns = ids.map((id) => columnOf.get(id)!);
    for (let i = 0; i < candidateIds.length; i++) cellsByCandidate.set(candidateIds[i]!, { columns, figures: figures[i]! });
  }
  // Per script version, its weighted competencies as columns; `mean` is filled in for each row in turn.
  type Term = { column: number | undefined; weight: number; mean: number | null };
  const scoring = new Map<string, Term[]>();
  const scoringOf = (versionId: string) => {
    let terms = scoring.get(versionId);
    if (!terms) {
      terms = (weights.get(versionId) ?? []).map((w) => ({ column: columnOf.get(w.competencyId), weight: w.weight, mean: null }));
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
      const { columns, figures } = own;
      const n = columns.length;
      for (let j = 0; j < n; j++) {
        const column = columns[j]!;
        sums[column] = figures[j]!;
        counts[column] = figures[n + j]!;
        notAssessed[column] = figures[2 * n + j]!;
      }
    }
    const row = { sums, counts, notAssessed };
    const terms = scoringOf(c.scriptVersionId);
    for (const term of terms) term.mean = term.column === undefined ? null : meanAt(row, term.column);
    return {
      candidateId: c.candidateId,
      label: labels ? (labels.get(c.candidateId) ?? "Candidate") : c.name,
      position: c.position,
      status: c.status,
      interviews: c.interviews,
      scorecards: c.scorecards,
      weightedScore: weightedScore(terms),
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

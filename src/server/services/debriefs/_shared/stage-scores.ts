// The mechanical figures, computed in SQL from the scorecards' competency tallies (submitted scorecards
// only; the database keeps them): per candidate and stage, Σ w·mean / Σ w over the stage's weighted
// competencies (the stage's own weights, or else its script version's). Combining stages and ranking are
// the pure functions of src/lib/debriefs/mechanical.ts.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { CandidateStatus } from "@/generated/prisma/enums";
import { rankAtStage, type Ranking, type StageScoreRow } from "@/lib/debriefs/mechanical";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { withheldAtStages } from "@/server/access/scorecard-visibility";
import type { Actor } from "@/server/services/actor";
import { applyStrandPolicies } from "@/server/services/strands/_shared/strand-scores";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const planRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  counts: z.boolean(),
  scriptVersionId: z.string().nullable(),
});
export type PlanStageRow = z.output<typeof planRowSchema>;

export async function loadPlan(db: Reader, vacancyId: string): Promise<PlanStageRow[]> {
  return checkedRows(
    planRowSchema,
    await db.$queryRaw`
      SELECT "id", "name", "position", "counts", "scriptVersionId" FROM "VacancyStage"
      WHERE "vacancyId" = ${vacancyId} ORDER BY "position", "createdAt", "id"`,
  );
}

/** The weights of the given stages: their own, or where a stage has none its script version's. */
export function stageWeights(stageIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT sw."stageId", sw."competencyId", sw."weight"::float8 AS "weight",
      coalesce((SELECT svc."position" FROM "ScriptVersionCompetency" svc JOIN "VacancyStage" vs ON vs."scriptVersionId" = svc."versionId"
        WHERE vs."id" = sw."stageId" AND svc."competencyId" = sw."competencyId"), 1000) AS "position"
    FROM "VacancyStageWeight" sw WHERE sw."stageId" IN (${stageIds})
    UNION ALL
    SELECT vs."id", svc."competencyId", svc."weight"::float8, svc."position"
    FROM "VacancyStage" vs JOIN "ScriptVersionCompetency" svc ON svc."versionId" = vs."scriptVersionId"
    WHERE vs."id" IN (${stageIds}) AND NOT EXISTS (SELECT 1 FROM "VacancyStageWeight" own WHERE own."stageId" = vs."id")`;
}

const stageScoreRowSchema = z.object({
  candidateId: z.string(),
  stageId: z.string(),
  score: z.number(),
  status: z.enum(CandidateStatus),
});

/**
 * The stage scores a ranking at `stageId` reads: of the candidates of the vacancy with submitted ratings at
 * that stage, their score there and at the counting stages before it. No other candidate can be ranked there
 * (rankAtStage ranks only those scored at the stage) and no other stage enters their mechanical score, so the
 * ranking is the one the whole vacancy's scores give. Read from StageTally (the submitted scorecards'
 * tallies summed per candidate, stage and competency, cancelled interviews left out, kept by triggers): the
 * stage's candidates from its stageId index, then each candidate's rows in key order, about one per stage and
 * competency, scored per candidate (a lateral subquery, so never a sort of every candidate's rows together;
 * the weights are computed once).
 */
export function rankingScoresSql(orgId: string, vacancyId: string, stageId: string): Prisma.Sql {
  const stageIds = Prisma.sql`
    SELECT vs."id" FROM "VacancyStage" vs
    WHERE vs."vacancyId" = ${vacancyId}
      AND (vs."id" = ${stageId} OR (vs."counts" AND vs."position" <= (SELECT at."position" FROM "VacancyStage" at WHERE at."id" = ${stageId})))`;
  return Prisma.sql`
    WITH w AS MATERIALIZED (${stageWeights(stageIds)}),
    here AS (
      SELECT DISTINCT st."candidateId" FROM "StageTally" st WHERE st."stageId" = ${stageId}
    )
    SELECT here."candidateId", s."stageId", c."status", s."score"
    FROM here
    JOIN "Candidate" c ON c."id" = here."candidateId" AND c."vacancyId" = ${vacancyId} AND c."orgId" = ${orgId}
    CROSS JOIN LATERAL (
      SELECT st."stageId", (sum(w."weight" * (st."total"::float8 / st."n")) / sum(w."weight"))::float8 AS "score"
      FROM "StageTally" st
      JOIN w ON w."stageId" = st."stageId" AND w."competencyId" = st."competencyId"
      WHERE st."candidateId" = here."candidateId" AND st."n" > 0
      GROUP BY st."stageId"
      HAVING sum(w."weight") > 0
    ) s`;
}

export type StageRanking = { rows: StageScoreRow[]; ranking: Ranking; withdrawn: ReadonlySet<string> };

/**
 * Every candidate's rank at the stage (withdrawn candidates are out of the running), and the stage scores it
 * was drawn from: those of the candidates scored at the stage, at that stage and the counting stages before it.
 */
export async function rankingAt(db: Reader, orgId: string, vacancyId: string, plan: readonly PlanStageRow[], stageId: string): Promise<StageRanking> {
  // A stage with a declared strand policy scores each candidate by its strands' weights (issue 23).
  const rows = await applyStrandPolicies(db, orgId, checkedRows(stageScoreRowSchema, await db.$queryRaw(rankingScoresSql(orgId, vacancyId, stageId))));
  const withdrawn = new Set(rows.filter((r) => r.status === "WITHDRAWN").map((r) => r.candidateId));
  const scores = rows.map(({ candidateId, stageId: s, score }) => ({ candidateId, stageId: s, score }));
  return { rows: scores, ranking: rankAtStage(scores, plan, stageId, withdrawn), withdrawn };
}

/** The stages a ranking at `stageId` reads (as rankingScoresSql does): the stage itself and the counting stages up to it. */
export function rankingStageIds(plan: readonly PlanStageRow[], stageId: string): string[] {
  const at = plan.find((s) => s.id === stageId);
  return plan.filter((s) => s.id === stageId || (at !== undefined && s.counts && s.position <= at.position)).map((s) => s.id);
}

/**
 * The candidates a reader's view of the ranking at the stage leaves out: those whose figures at a stage the
 * ranking reads are withheld from the reader (withheldAtStages, the one visibility rule), with the stages
 * withheld per candidate.
 */
export async function withheldFromRanking(db: Reader, actor: Actor, plan: readonly PlanStageRow[], stageId: string): Promise<RankingWithheld> {
  const byStage = await withheldAtStages(db, actor, rankingStageIds(plan, stageId));
  const stagesOf = new Map<string, Set<string>>();
  for (const [stage, candidateIds] of byStage) {
    for (const candidateId of candidateIds) stagesOf.set(candidateId, (stagesOf.get(candidateId) ?? new Set<string>()).add(stage));
  }
  return { candidateIds: new Set(stagesOf.keys()), stagesOf, atStage: byStage.get(stageId) ?? new Set<string>() };
}
export type RankingWithheld = {
  /** Every candidate with a withheld stage the ranking reads. */
  candidateIds: ReadonlySet<string>;
  /** Per such candidate, the stages withheld. */
  stagesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** The candidates withheld at the ranking's own stage. */
  atStage: ReadonlySet<string>;
};

/**
 * Which of a recorded decision's stored figures (at a stage whose ranking reads the candidates `withheldIds`
 * withholds from the reader) the reader may not be shown. The rank was taken among the stage's whole ranking:
 * hidden while a withheld candidate was scored there (`scoredAtStage`); the weighted score too ("all") when the
 * decision's own candidate is withheld at a stage it is drawn from. One rule for the debrief and the
 * candidate's page.
 */
export function decisionFiguresHidden(
  candidateId: string,
  withheldIds: Iterable<string>,
  scoredAtStage: (candidateId: string) => boolean,
): "rank" | "all" | undefined {
  const ids = [...withheldIds];
  if (ids.includes(candidateId)) return "all";
  return ids.some(scoredAtStage) ? "rank" : undefined;
}

/**
 * The ranking a reader is shown: the stage's ranking over the candidates not left out (ranks and rankedOf
 * among the others, as if those left out had not been scored), and how many of the ranked candidates were
 * left out. Each candidate's mechanical score is their own, so leaving some out changes only the ranks.
 */
export function rankingShown(ranked: StageRanking, plan: readonly PlanStageRow[], stageId: string, withheld: RankingWithheld): { ranking: Ranking; leftOut: number } {
  if (withheld.candidateIds.size === 0) return { ranking: ranked.ranking, leftOut: 0 };
  const leftOut = [...withheld.candidateIds].filter((id) => ranked.ranking.has(id)).length;
  return { ranking: rankAtStage(ranked.rows, plan, stageId, new Set([...ranked.withdrawn, ...withheld.candidateIds])), leftOut };
}

const competencyRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  mean: z.number().nullable(),
  n: z.number().int(),
});

/**
 * The candidate's per-competency means at the stage with n (ratings counted, not assessed left out), for
 * every weighted competency and any other the panel rated (weight 0), in the stage's order.
 */
export async function competencyMeansAt(db: Reader, orgId: string, candidateId: string, stageId: string) {
  return checkedRows(
    competencyRowSchema,
    await db.$queryRaw`
      WITH w AS (${stageWeights(Prisma.sql`SELECT ${stageId}::text`)}),
      m AS (
        SELECT t."competencyId",
          sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::float8 AS "total",
          sum(t."one" + t."two" + t."three" + t."four")::int AS "n"
        FROM "Interview" i
        JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
        JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
        WHERE i."orgId" = ${orgId} AND i."candidateId" = ${candidateId} AND i."stageId" = ${stageId}
          AND i."status" <> 'CANCELLED'::"InterviewStatus"
        GROUP BY t."competencyId"
      ),
      ids AS (SELECT "competencyId" FROM w UNION SELECT "competencyId" FROM m)
      SELECT comp."id", comp."name", coalesce(w."weight", 0)::float8 AS "weight",
        (m."total" / nullif(m."n", 0))::float8 AS "mean", coalesce(m."n", 0)::int AS "n"
      FROM ids
      JOIN "Competency" comp ON comp."id" = ids."competencyId"
      LEFT JOIN w ON w."competencyId" = ids."competencyId"
      LEFT JOIN m ON m."competencyId" = ids."competencyId"
      ORDER BY (w."weight" IS NULL), coalesce(w."position", 1000), comp."sortOrder", comp."name"`,
  );
}
export type CompetencyMeanRow = z.output<typeof competencyRowSchema>;

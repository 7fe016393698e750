// Each strand's weighted score per candidate at a stage, in SQL: the submitted scorecards of the stage's
// interviews (cancelled ones and shadows aside), grouped by the strand of the seat they were written from
// (PanelMember.strand), each strand scored as the panel is (Σ w·mean / Σ w over the stage's weighted
// competencies, from the scorecards' competency tallies). With an actor, only the scorecards the one
// visibility rule lets them read; without one (the decision's own ranking), every counting scorecard, as
// the mechanical ranking reads StageTally.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { PanelStrand, StrandMode } from "@/generated/prisma/enums";
import { combineStrands, type Strand, type StrandPolicyRow, type StrandScores } from "@/lib/strands/strand-math";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Actor } from "@/server/services/actor";
import { stageWeights } from "@/server/services/debriefs/_shared/stage-scores";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const policyRowSchema = z.object({ stageId: z.string(), strand: z.enum(PanelStrand), mode: z.enum(StrandMode), weight: z.number().int() });

/** The declared strand policies of the given stages (a stage without rows has none: its scorecards pool). */
export async function loadStagePolicies(db: Reader, stageIds: readonly string[]): Promise<Map<string, StrandPolicyRow[]>> {
  const policies = new Map<string, StrandPolicyRow[]>();
  if (stageIds.length === 0) return policies;
  const rows = checkedRows(
    policyRowSchema,
    await db.$queryRaw`SELECT "stageId", "strand", "mode", "weight" FROM "VacancyStageStrand" WHERE "stageId" = ANY(${[...stageIds]}::text[]) ORDER BY "strand"`,
  );
  for (const { stageId, ...row } of rows) policies.set(stageId, [...(policies.get(stageId) ?? []), row]);
  return policies;
}

const scoreRowSchema = z.object({
  candidateId: z.string(),
  strand: z.enum(PanelStrand),
  scorecards: z.number().int(),
  score: z.number().nullable(),
  pooled: z.number().nullable(),
});

/** Each strand's score and scorecard count, and (pooled) every counting scorecard's score as without strands. */
export type CandidateStrandScores = { scores: StrandScores; scorecards: Partial<Record<Strand, number>>; pooled: number | null };

/** Per candidate scored at the stage: each strand's weighted score and how many submitted scorecards it rests on. */
export async function strandScoresAt(
  db: Reader,
  orgId: string,
  stageId: string,
  options: { actor?: Actor; candidateIds?: readonly string[] } = {},
): Promise<Map<string, CandidateStrandScores>> {
  const visible = options.actor ? scorecardVisibleTo(options.actor, Prisma.raw("sc"), Prisma.raw(`i."candidateId"`)) : Prisma.sql`TRUE`;
  const only = options.candidateIds ? Prisma.sql`AND i."candidateId" = ANY(${[...options.candidateIds]}::text[])` : Prisma.empty;
  const rows = checkedRows(
    scoreRowSchema,
    await db.$queryRaw`
      WITH w AS (${stageWeights(Prisma.sql`SELECT ${stageId}::text`)}),
      cards AS (
        SELECT i."candidateId", coalesce(pm."strand", 'STAFF'::"PanelStrand") AS "strand", sc."id"
        FROM "Interview" i
        JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND NOT sc."shadow"
        LEFT JOIN "PanelMember" pm ON pm."interviewId" = i."id" AND pm."userId" = sc."panelistId"
        WHERE i."orgId" = ${orgId} AND i."stageId" = ${stageId} AND i."status" <> 'CANCELLED'::"InterviewStatus"
          ${only} AND ${visible}
      ),
      m AS (
        SELECT cards."candidateId", cards."strand", t."competencyId",
          sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::float8 AS "total",
          sum(t."one" + t."two" + t."three" + t."four")::float8 AS "n"
        FROM cards JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = cards."id"
        GROUP BY 1, 2, 3
      ),
      s AS (
        SELECT m."candidateId", m."strand", (sum(w."weight" * (m."total" / m."n")) / sum(w."weight"))::float8 AS "score"
        FROM m JOIN w ON w."competencyId" = m."competencyId"
        WHERE m."n" > 0
        GROUP BY 1, 2
        HAVING sum(w."weight") > 0
      ),
      pooled AS (
        SELECT p."candidateId", (sum(w."weight" * (p."total" / p."n")) / sum(w."weight"))::float8 AS "score"
        FROM (SELECT "candidateId", "competencyId", sum("total") AS "total", sum("n") AS "n" FROM m GROUP BY 1, 2) p
        JOIN w ON w."competencyId" = p."competencyId"
        WHERE p."n" > 0
        GROUP BY 1
        HAVING sum(w."weight") > 0
      )
      SELECT c."candidateId", c."strand", c."scorecards", s."score", pooled."score" AS "pooled"
      FROM (SELECT "candidateId", "strand", count(*)::int AS "scorecards" FROM cards GROUP BY 1, 2) c
      LEFT JOIN s ON s."candidateId" = c."candidateId" AND s."strand" = c."strand"
      LEFT JOIN pooled ON pooled."candidateId" = c."candidateId"`,
  );
  const result = new Map<string, CandidateStrandScores>();
  for (const row of rows) {
    const entry = result.get(row.candidateId) ?? { scores: {}, scorecards: {}, pooled: row.pooled };
    entry.scores[row.strand] = row.score;
    entry.scorecards[row.strand] = row.scorecards;
    result.set(row.candidateId, entry);
  }
  return result;
}

type ScoreRow = { candidateId: string; stageId: string; score: number };

/**
 * The stage scores of a ranking with each declared strand policy applied: at a stage with a policy, a
 * candidate's score there is the strands' combined weighted score (see @/lib/strands/strand-math); a
 * candidate none of whose weighted strands has a figure there has no score at that stage. Other stages as given.
 */
export async function applyStrandPolicies<R extends ScoreRow>(db: Reader, orgId: string, rows: R[]): Promise<R[]> {
  const policies = await loadStagePolicies(db, [...new Set(rows.map((r) => r.stageId))]);
  if (policies.size === 0) return rows;
  const byStage = new Map<string, Map<string, CandidateStrandScores>>();
  for (const stageId of policies.keys()) {
    const candidateIds = rows.filter((r) => r.stageId === stageId).map((r) => r.candidateId);
    byStage.set(stageId, await strandScoresAt(db, orgId, stageId, { candidateIds }));
  }
  return rows.flatMap((row) => {
    const policy = policies.get(row.stageId);
    if (!policy) return [row];
    const combined = combineStrands(policy, byStage.get(row.stageId)?.get(row.candidateId)?.scores ?? {});
    return combined === null ? [] : [{ ...row, score: combined }];
  });
}

// The per-candidate facts the fairness report groups: which stages each candidate reached and what was decided
// there, whether they were appointed, and their mean rating per competency and per question. Aggregated per
// candidate in SQL; the grouping by equal-opportunities answer happens in the service, because those answers
// are encrypted at rest and only the application can read them (by design: no query can join them to scores).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { Db } from "@/server/db";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Actor } from "@/server/services/actor";
import { candidatesWithPendingSeats } from "@/server/services/insights/insight-scope";

/** `reader` is whoever reads the report: the independence rule decides which candidates they may see figures of. */
export type FairnessScope = { reader: Actor; vacancyIds: string[] | null; from: Date | null; to: Date | null };

/**
 * The candidates in scope. A candidate on whose panel the reader sits without having submitted is left out of
 * every figure (stages, decisions, ratings): the independence rule withholds that panel's scorecards and the
 * decision from them (@/server/access/scorecard-visibility), and a group figure would carry them.
 */
function candidatesIn(scope: FairnessScope): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id", c."vacancyId", c."stageId", c."status"
    FROM "Candidate" c
    WHERE c."orgId" = ${scope.reader.orgId}
      AND c."id" NOT IN (${candidatesWithPendingSeats(scope.reader)})
      ${scope.vacancyIds ? Prisma.sql`AND c."vacancyId" = ANY(${scope.vacancyIds}::text[])` : Prisma.empty}
      ${scope.from ? Prisma.sql`AND c."createdAt" >= ${scope.from}` : Prisma.empty}
      ${scope.to ? Prisma.sql`AND c."createdAt" < ${scope.to}` : Prisma.empty}`;
}

const stageRowSchema = z.object({
  candidateId: z.string(),
  ordinal: z.number().int(),
  stageName: z.string(),
  outcome: z.enum(["ADVANCE", "APPOINT", "RESERVE", "REJECT"]).nullable(),
});
export type StageRow = z.output<typeof stageRowSchema>;

/**
 * One row per candidate and stage reached: a stage is reached when it is at or before the candidate's current
 * stage in the plan, or a decision was recorded there. `ordinal` numbers the vacancy's stages in plan order
 * from 1, so stages line up across vacancies.
 */
function stagesQuery(scope: FairnessScope): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (${candidatesIn(scope)}),
    plan AS (
      SELECT s."id", s."vacancyId", s."name",
        row_number() OVER (PARTITION BY s."vacancyId" ORDER BY s."position", s."createdAt", s."id")::int AS "ordinal"
      FROM "VacancyStage" s
      WHERE s."vacancyId" IN (SELECT DISTINCT "vacancyId" FROM cand)
    )
    SELECT cand."id" AS "candidateId", plan."ordinal", plan."name" AS "stageName", dc."outcome"::text AS "outcome"
    FROM cand
    JOIN plan ON plan."vacancyId" = cand."vacancyId"
    LEFT JOIN plan cur ON cur."id" = cand."stageId"
    LEFT JOIN "Decision" dc ON dc."candidateId" = cand."id" AND dc."stageId" = plan."id"
    WHERE plan."ordinal" <= COALESCE(cur."ordinal", 0) OR dc."id" IS NOT NULL`;
}

const candidateRowSchema = z.object({ candidateId: z.string(), shortlisted: z.boolean(), appointed: z.boolean() });
export type CandidateRow = z.output<typeof candidateRowSchema>;

/** Every candidate in scope; shortlisted = placed at a stage of the plan; appointed = hired or an APPOINT decision. */
function candidatesQuery(scope: FairnessScope): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (${candidatesIn(scope)})
    SELECT cand."id" AS "candidateId",
      (cand."stageId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Decision" d WHERE d."candidateId" = cand."id")) AS "shortlisted",
      (cand."status" = 'HIRED'::"CandidateStatus"
        OR EXISTS (SELECT 1 FROM "Decision" d WHERE d."candidateId" = cand."id" AND d."outcome" = 'APPOINT'::"DecisionOutcome")) AS "appointed"
    FROM cand`;
}

const scoreRowSchema = z.object({ candidateId: z.string(), key: z.string(), label: z.string(), mean: z.number() });
export type ScoreRow = z.output<typeof scoreRowSchema>;

/**
 * A candidate's mean level per competency, from CandidateInsight (the trigger-kept sums and counts of their
 * submitted, non-shadow scorecards; not assessed left out).
 */
function competencyMeansQuery(scope: FairnessScope): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (${candidatesIn(scope)})
    SELECT ci."candidateId", comp."id" AS "key", comp."name" AS "label", (u."sum"::float8 / u."count") AS "mean"
    FROM cand
    JOIN "CandidateInsight" ci ON ci."candidateId" = cand."id"
    CROSS JOIN LATERAL unnest(ci."competencyIds", ci."sums", ci."counts") AS u("competencyId", "sum", "count")
    JOIN "Competency" comp ON comp."id" = u."competencyId"
    WHERE u."count" > 0`;
}

/**
 * A candidate's mean level per question, over every competency rated on it, from submitted scorecards of
 * non-shadow panelists at interviews not cancelled. A bank question is one question across script versions;
 * a question written on the spot is its script item.
 */
function questionMeansQuery(scope: FairnessScope): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (${candidatesIn(scope)})
    SELECT i."candidateId", COALESCE(si."questionId", si."id") AS "key", min(si."text") AS "label", avg(r."score")::float8 AS "mean"
    FROM cand
    JOIN "Interview" i ON i."candidateId" = cand."id" AND i."status" <> 'CANCELLED'::"InterviewStatus"
    JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND NOT sc."shadow"
    JOIN "Rating" r ON r."scorecardId" = sc."id" AND r."score" IS NOT NULL
    JOIN "ScriptItem" si ON si."id" = r."itemId"
    GROUP BY i."candidateId", COALESCE(si."questionId", si."id")`;
}

export type FairnessRows = { candidates: CandidateRow[]; stages: StageRow[]; competencies: ScoreRow[]; questions: ScoreRow[] };

export async function loadFairnessRows(db: Db, scope: FairnessScope): Promise<FairnessRows> {
  const [candidates, stages, competencies, questions] = await Promise.all([
    db.$queryRaw(candidatesQuery(scope)),
    db.$queryRaw(stagesQuery(scope)),
    db.$queryRaw(competencyMeansQuery(scope)),
    db.$queryRaw(questionMeansQuery(scope)),
  ]);
  return {
    candidates: checkedRows(candidateRowSchema, candidates),
    stages: checkedRows(stageRowSchema, stages),
    competencies: checkedRows(scoreRowSchema, competencies),
    questions: checkedRows(scoreRowSchema, questions),
  };
}

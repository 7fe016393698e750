// How hiring decisions relate to the formula: per member who recorded decisions and per vacancy, how many
// decisions there were, how many overrode the mechanical order, and the median time from the stage's last
// submitted scorecard to the decision; for closed and filled vacancies, the pipeline stage by stage. HR and
// admins see the organisation, a hiring manager the vacancies they manage. Each decision counted is one the
// viewer may read (the debrief rule of @/server/access/scorecard-visibility). Aggregated in SQL.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { VacancyStatus } from "@/generated/prisma/enums";
import type { DecisionInsights } from "@/lib/schemas/insights";
import { debriefVisibleTo, offPanelScope } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

const figures = {
  decisions: z.number().int(),
  overrides: z.number().int(),
  medianHoursToDecision: z.number().nullable(),
};
const deciderRowSchema = z.object({ userId: z.string().nullable(), name: z.string(), ...figures });
const vacancyRowSchema = z.object({
  vacancyId: z.string(),
  title: z.string(),
  status: z.enum(VacancyStatus),
  managers: z.array(z.string()),
  ...figures,
});
const conversionRowSchema = z.object({
  vacancyId: z.string(),
  stageId: z.string(),
  name: z.string(),
  reached: z.number().int(),
  advanced: z.number().int(),
  appointed: z.number().int(),
});

/** The vacancies whose decisions the actor's role covers: the organisation's, or those a manager manages. */
function vacanciesInScope(actor: Actor): Prisma.Sql {
  switch (offPanelScope(actor.role)) {
    case "organisation":
      return Prisma.sql`TRUE`;
    case "own-vacancies":
      return Prisma.sql`v."id" IN (SELECT vm."vacancyId" FROM "VacancyManager" vm WHERE vm."userId" = ${actor.userId})`;
    default:
      return Prisma.sql`FALSE`;
  }
}

/**
 * `WITH vac AS (...), dec AS (...)`: the vacancies in scope, and their decisions the actor may read, each
 * with the hours from the last scorecard submitted at its stage (up to the decision) to the decision.
 */
function decisionsInScope(actor: Actor): Prisma.Sql {
  return Prisma.sql`WITH vac AS (
    SELECT v."id", v."title", v."status" FROM "Vacancy" v
    WHERE v."orgId" = ${actor.orgId} AND ${vacanciesInScope(actor)}
  ), dec AS (
    SELECT d."id", d."candidateId", d."stageId", d."outcome", d."isOverride", d."decidedById", c."vacancyId",
      extract(epoch FROM (d."decidedAt" - (
        SELECT max(sc."submittedAt") FROM "Scorecard" sc
        JOIN "Interview" i ON i."id" = sc."interviewId"
        WHERE i."candidateId" = d."candidateId" AND i."stageId" = d."stageId"
          AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND sc."submittedAt" <= d."decidedAt"
      ))) / 3600.0 AS "hours"
    FROM "Decision" d
    JOIN "Candidate" c ON c."id" = d."candidateId"
    JOIN vac ON vac."id" = c."vacancyId"
    WHERE d."orgId" = ${actor.orgId}
      AND ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
  )`;
}

const aggregates = Prisma.sql`count(dec."id")::int AS "decisions",
  (count(dec."id") FILTER (WHERE dec."isOverride"))::int AS "overrides",
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY dec."hours"))::float8 AS "medianHoursToDecision"`;

export async function getDecisionInsights(db: Db, actor: Actor): Promise<DecisionInsights> {
  requirePermission(actor, "insights:read");
  const scoped = decisionsInScope(actor);
  const [deciders, vacancies, conversion] = await Promise.all([
    db.$queryRaw`
      ${scoped}
      SELECT dec."decidedById" AS "userId", coalesce(u."name", 'Former member') AS "name", ${aggregates}
      FROM dec
      LEFT JOIN "User" u ON u."id" = dec."decidedById"
      GROUP BY dec."decidedById", u."name"
      ORDER BY coalesce(u."name", 'Former member'), dec."decidedById"`.then((rows) => checkedRows(deciderRowSchema, rows)),
    db.$queryRaw`
      ${scoped}
      SELECT vac."id" AS "vacancyId", vac."title", vac."status",
        ARRAY(SELECT u."name" FROM "VacancyManager" vm JOIN "User" u ON u."id" = vm."userId"
          WHERE vm."vacancyId" = vac."id" ORDER BY u."name", u."id") AS "managers",
        ${aggregates}
      FROM vac
      LEFT JOIN dec ON dec."vacancyId" = vac."id"
      GROUP BY vac."id", vac."title", vac."status"
      ORDER BY vac."title", vac."id"`.then((rows) => checkedRows(vacancyRowSchema, rows)),
    // Closed and filled vacancies, stage by stage: a candidate reached a stage when they are at it or a later
    // one, were interviewed or decided on at it or a later one, or were advanced into it or a later one.
    db.$queryRaw`
      ${scoped},
      closed AS (SELECT vac."id" FROM vac WHERE vac."status" IN ('CLOSED'::"VacancyStatus", 'FILLED'::"VacancyStatus")),
      furthest AS (
        SELECT c."id", c."vacancyId", greatest(
          cs."position",
          (SELECT max(ist."position") FROM "Interview" i JOIN "VacancyStage" ist ON ist."id" = i."stageId" WHERE i."candidateId" = c."id"),
          (SELECT max(greatest(dst."position", nst."position")) FROM "Decision" d
            JOIN "VacancyStage" dst ON dst."id" = d."stageId"
            LEFT JOIN "VacancyStage" nst ON nst."id" = d."nextStageId"
            WHERE d."candidateId" = c."id")
        ) AS "position"
        FROM "Candidate" c
        JOIN closed ON closed."id" = c."vacancyId"
        LEFT JOIN "VacancyStage" cs ON cs."id" = c."stageId"
      ),
      outcomes AS (
        SELECT dec."stageId",
          count(DISTINCT dec."candidateId") FILTER (WHERE dec."outcome" = 'ADVANCE'::"DecisionOutcome") AS "advanced",
          count(DISTINCT dec."candidateId") FILTER (WHERE dec."outcome" = 'APPOINT'::"DecisionOutcome") AS "appointed"
        FROM dec JOIN closed ON closed."id" = dec."vacancyId"
        GROUP BY dec."stageId"
      )
      SELECT st."vacancyId", st."id" AS "stageId", st."name",
        (SELECT count(*) FROM furthest f WHERE f."vacancyId" = st."vacancyId" AND f."position" >= st."position")::int AS "reached",
        coalesce(o."advanced", 0)::int AS "advanced",
        coalesce(o."appointed", 0)::int AS "appointed"
      FROM "VacancyStage" st
      JOIN closed ON closed."id" = st."vacancyId"
      LEFT JOIN outcomes o ON o."stageId" = st."id"
      ORDER BY st."vacancyId", st."position", st."id"`.then((rows) => checkedRows(conversionRowSchema, rows)),
  ]);

  const stagesOf = new Map<string, DecisionInsights["vacancies"][number]["conversion"] & object>();
  for (const { vacancyId, ...stage } of conversion) stagesOf.set(vacancyId, [...(stagesOf.get(vacancyId) ?? []), stage]);
  const rate = (overrides: number, decisions: number) => (decisions === 0 ? null : overrides / decisions);
  return {
    deciders: deciders.map((d) => ({ ...d, overrideRate: rate(d.overrides, d.decisions) })),
    vacancies: vacancies.map((v) => ({
      ...v,
      overrideRate: rate(v.overrides, v.decisions),
      conversion: v.status === "CLOSED" || v.status === "FILLED" ? (stagesOf.get(v.vacancyId) ?? []) : null,
    })),
  };
}

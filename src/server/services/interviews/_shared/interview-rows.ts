// An interview as lists show it (the app's interview list and the REST API's pages): vacancy, stage and
// script named, panel size and submitted scorecards counted in SQL. Callers add conditions, order and limit.
import { Prisma } from "@/generated/prisma/client";

export type InterviewFilters = { from?: Date; to?: Date; status?: string; candidateId?: string };

/** The organisation's interviews matching the filters (scheduledAt in [from, to)). */
export function interviewConditions(orgId: string, input: InterviewFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`i."orgId" = ${orgId}`];
  if (input.from) conditions.push(Prisma.sql`i."scheduledAt" >= ${input.from}`);
  if (input.to) conditions.push(Prisma.sql`i."scheduledAt" < ${input.to}`);
  if (input.status) conditions.push(Prisma.sql`i."status" = ${input.status}::"InterviewStatus"`);
  if (input.candidateId) conditions.push(Prisma.sql`i."candidateId" = ${input.candidateId}`);
  return conditions;
}

export function interviewRowsSql(conditions: Prisma.Sql[], orderAndLimit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."scheduledAt", i."status", i."candidateId", i."updatedAt",
      c."name" AS "candidateName", vac."title" AS "vacancyTitle", st."name" AS "stageName",
      s."title" AS "scriptTitle",
      (SELECT count(*)::int FROM "PanelMember" p WHERE p."interviewId" = i."id" AND NOT p."shadow") AS "panelCount",
      (SELECT count(*)::int FROM "Scorecard" sc WHERE sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus") AS "submittedCount"
    FROM "Interview" i
    JOIN "Candidate" c ON c."id" = i."candidateId"
    JOIN "Vacancy" vac ON vac."id" = c."vacancyId"
    LEFT JOIN "VacancyStage" st ON st."id" = i."stageId"
    JOIN "ScriptVersion" v ON v."id" = i."scriptVersionId"
    JOIN "InterviewScript" s ON s."id" = v."scriptId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ${orderAndLimit}`;
}

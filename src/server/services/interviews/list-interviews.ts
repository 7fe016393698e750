import { Prisma } from "@/generated/prisma/client";
import { interviewListRowSchema, type InterviewListRow, type ListInterviewsInput } from "@/lib/schemas/interviews";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** The organisation's interviews in time order, with vacancy and stage, panel size and submitted scorecards counted in SQL. */
export async function listInterviews(db: Db, actor: Actor, input: ListInterviewsInput): Promise<InterviewListRow[]> {
  requirePermission(actor, "candidates:read");
  const conditions: Prisma.Sql[] = [Prisma.sql`i."orgId" = ${actor.orgId}`];
  if (input.from) conditions.push(Prisma.sql`i."scheduledAt" >= ${input.from}`);
  if (input.to) conditions.push(Prisma.sql`i."scheduledAt" < ${input.to}`);
  if (input.status) conditions.push(Prisma.sql`i."status" = ${input.status}::"InterviewStatus"`);
  if (input.candidateId) conditions.push(Prisma.sql`i."candidateId" = ${input.candidateId}`);
  const rows = await db.$queryRaw`
    SELECT i."id", i."scheduledAt", i."status",
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
    ORDER BY i."scheduledAt" DESC, i."id"
    LIMIT 500`;
  return checkedRows(interviewListRowSchema, rows);
}

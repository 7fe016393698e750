import { Prisma } from "@/generated/prisma/client";
import { interviewListRowSchema, type InterviewListRow, type ListInterviewsInput } from "@/lib/schemas/interviews";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { interviewConditions, interviewRowsSql } from "./_shared/interview-rows";

/** The organisation's interviews in time order, with vacancy and stage, panel size and submitted scorecards counted in SQL. */
export async function listInterviews(db: Db, actor: Actor, input: ListInterviewsInput): Promise<InterviewListRow[]> {
  requirePermission(actor, "candidates:read");
  const rows = await db.$queryRaw(interviewRowsSql(interviewConditions(actor.orgId, input), Prisma.sql`ORDER BY i."scheduledAt" DESC, i."id" LIMIT 500`));
  return checkedRows(interviewListRowSchema, rows);
}

// The REST API's interview list: keyset pages in order of last change (for sync, with updated_since), so a
// client reaches every interview however many match, unlike the app's list (the 500 nearest in time).
import { Prisma } from "@/generated/prisma/client";
import { apiInterviewRowSchema } from "@/lib/schemas/api-v1";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "../_shared/checked-rows";
import { keysetCondition, pageResult, type KeysetPage } from "../_shared/keyset-page";
import { interviewConditions, interviewRowsSql, type InterviewFilters } from "./_shared/interview-rows";

export async function listInterviewsPage(db: Db, actor: Actor, input: KeysetPage & InterviewFilters) {
  requirePermission(actor, "candidates:read");
  const conditions = [...interviewConditions(actor.orgId, input), keysetCondition(input, Prisma.raw(`i."updatedAt"`), Prisma.raw(`i."id"`))];
  const rows = checkedRows(apiInterviewRowSchema, await db.$queryRaw(interviewRowsSql(conditions, Prisma.sql`ORDER BY i."updatedAt", i."id" LIMIT ${input.limit + 1}`)));
  return pageResult(rows, input.limit, (r) => ({ at: r.updatedAt, id: r.id }));
}

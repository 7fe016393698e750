// The REST API's candidate list: keyset pages in order of last change (for sync), with the same contact
// rule as the app's list. The statement is exported so the benchmark times the same SQL as its floor.
import { Prisma } from "@/generated/prisma/client";
import type { CandidateStatus } from "@/generated/prisma/enums";
import { apiCandidateRowSchema } from "@/lib/schemas/api-v1";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "../_shared/checked-rows";
import { keysetCondition, pageResult, type KeysetPage } from "../_shared/keyset-page";
import { visibleContact } from "./_shared/candidate-contact";

export type CandidatePageFilters = KeysetPage & { vacancyId?: string; status?: CandidateStatus };


export function candidatesPageSql(orgId: string, input: CandidatePageFilters): Prisma.Sql {
  return Prisma.sql`SELECT "id", "name", "vacancyId", "stageId", "status", "decidedAt", "anonymizedAt", "createdAt", "updatedAt", "email", "phone"
    FROM "Candidate"
    WHERE "orgId" = ${orgId} AND ${keysetCondition(input, Prisma.raw(`"updatedAt"`), Prisma.raw(`"id"`))}
      ${input.vacancyId ? Prisma.sql`AND "vacancyId" = ${input.vacancyId}` : Prisma.empty}
      ${input.status ? Prisma.sql`AND "status" = ${input.status}::"CandidateStatus"` : Prisma.empty}
    ORDER BY "updatedAt", "id" LIMIT ${input.limit + 1}`;
}

export async function listCandidatesPage(db: Db, actor: Actor, input: CandidatePageFilters) {
  requirePermission(actor, "candidates:read");
  const rows = checkedRows(apiCandidateRowSchema, await db.$queryRaw(candidatesPageSql(actor.orgId, input)));
  const page = pageResult(rows, input.limit, (c) => ({ at: c.updatedAt, id: c.id }));
  return { items: page.items.map((c) => ({ ...c, ...visibleContact(actor, c) })), next: page.next };
}

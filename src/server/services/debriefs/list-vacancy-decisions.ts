// A vacancy's decisions and their reasons, for the REST API: keyset pages in order of decision time, each
// passing the debrief rule (debriefVisibleTo) exactly as the app's reads of decisions do.
import { Prisma } from "@/generated/prisma/client";
import { apiDecisionSchema } from "@/lib/schemas/api-v1";
import { debriefVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "../_shared/checked-rows";
import { keysetCondition, pageResult, type KeysetPage } from "../_shared/keyset-page";


export async function listVacancyDecisions(db: Db, actor: Actor, input: KeysetPage & { vacancyId: string }) {
  requirePermission(actor, "org:read");
  if (!(await db.vacancy.count({ where: { id: input.vacancyId, orgId: actor.orgId } }))) throw notFound("Vacancy");
  const raw = await db.$queryRaw`
    SELECT d."id", d."candidateId", d."stageId", d."outcome"::text AS "outcome", d."nextStageId", d."rationale", d."isOverride",
      d."overrideJustification", d."weightedScore", d."decidedAt"
    FROM "Decision" d JOIN "Candidate" c ON c."id" = d."candidateId"
    WHERE d."orgId" = ${actor.orgId} AND c."vacancyId" = ${input.vacancyId}
      AND ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
      AND ${keysetCondition(input, Prisma.raw(`d."decidedAt"`), Prisma.raw(`d."id"`))}
    ORDER BY d."decidedAt", d."id"
    LIMIT ${input.limit + 1}`;
  const rows = checkedRows(apiDecisionSchema, raw);
  return pageResult(rows, input.limit, (d) => ({ at: d.decidedAt, id: d.id }));
}

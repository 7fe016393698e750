// The latest decision on each of some candidates, with its reasons, for the CSV exports: the most recent
// decision the actor may read under the debrief rule of @/server/access/scorecard-visibility (the one the
// comparison's "Latest outcome" column shows), in one statement.
import { z } from "zod";
import { checkedRows } from "../../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { debriefVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { redactCandidate } from "../blind-labels";

const latestDecisionRowSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  outcome: z.enum(DecisionOutcome),
  stage: z.string(),
  nextStage: z.string().nullable(),
  rationale: z.string(),
  isOverride: z.boolean(),
  overrideJustification: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date(),
});

export type LatestDecision = Omit<z.infer<typeof latestDecisionRowSchema>, "name" | "email" | "phone">;

/**
 * By candidate id, their latest readable decision. `labels` (a blind review: candidate id → label) has the
 * candidate's name and contact details taken out of the rationale and justification, as from evidence notes.
 */
export async function loadLatestDecisions(
  db: Db,
  actor: Actor,
  candidateIds: string[],
  labels: ReadonlyMap<string, string> | null = null,
): Promise<Map<string, LatestDecision>> {
  if (candidateIds.length === 0) return new Map();
  const raw = await db.$queryRaw`
    SELECT DISTINCT ON (d."candidateId") d."candidateId", c."name", c."email", c."phone", d."outcome",
      st."name" AS "stage", nx."name" AS "nextStage", d."rationale", d."isOverride", d."overrideJustification",
      u."name" AS "decidedBy", d."decidedAt"
    FROM "Decision" d
    JOIN "Candidate" c ON c."id" = d."candidateId"
    JOIN "VacancyStage" st ON st."id" = d."stageId"
    LEFT JOIN "VacancyStage" nx ON nx."id" = d."nextStageId"
    LEFT JOIN "User" u ON u."id" = d."decidedById"
    WHERE d."orgId" = ${actor.orgId} AND d."candidateId" = ANY(${candidateIds}::text[])
      AND ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
    ORDER BY d."candidateId", d."decidedAt" DESC, d."id" DESC`;
  const rows = checkedRows(latestDecisionRowSchema, raw);
  return new Map(
    rows.map(({ name, email, phone, ...decision }) => {
      const label = labels?.get(decision.candidateId);
      if (label === undefined) return [decision.candidateId, decision];
      const identity = { name, email, phone };
      return [
        decision.candidateId,
        {
          ...decision,
          rationale: redactCandidate(decision.rationale, identity, label),
          overrideJustification:
            decision.overrideJustification === null ? null : redactCandidate(decision.overrideJustification, identity, label),
        },
      ];
    }),
  );
}

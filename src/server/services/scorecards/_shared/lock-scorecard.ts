import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { assertScorecardOpen } from "./own-draft-or-refusal";

export type LockedScorecard = {
  id: string;
  interviewId: string;
  scriptVersionId: string;
  status: "DRAFT" | "SUBMITTED";
};

/**
 * Finds the actor's own scorecard (in their organisation, while they sit on its panel) and locks its row
 * until the transaction ends, so submit, amend and cell saves on one scorecard never interleave. A scorecard
 * of a cancelled interview or an erased candidate is refused (CONFLICT).
 * Anyone else's scorecard is NOT_FOUND: we don't confirm it exists.
 */
export async function lockOwnScorecard(
  tx: Prisma.TransactionClient,
  actor: Actor,
  scorecardId: string,
): Promise<LockedScorecard> {
  const rows = await tx.$queryRaw<Array<LockedScorecard & { interviewStatus: string; candidateErased: boolean }>>`
    SELECT s.id, s."interviewId", i."scriptVersionId", s.status::text AS status,
           i.status::text AS "interviewStatus", (c."anonymizedAt" IS NOT NULL) AS "candidateErased"
    FROM "Scorecard" s
    JOIN "Interview" i ON i.id = s."interviewId"
    JOIN "Candidate" c ON c.id = i."candidateId"
    WHERE s.id = ${scorecardId} AND s."orgId" = ${actor.orgId} AND s."panelistId" = ${actor.userId}
      AND EXISTS (SELECT 1 FROM "PanelMember" pm WHERE pm."interviewId" = s."interviewId" AND pm."userId" = s."panelistId")
    FOR UPDATE OF s`;
  const row = rows[0];
  if (!row) throw notFound("Scorecard");
  assertScorecardOpen(row);
  return { id: row.id, interviewId: row.interviewId, scriptVersionId: row.scriptVersionId, status: row.status };
}

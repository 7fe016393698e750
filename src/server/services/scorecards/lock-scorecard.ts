import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

export type LockedScorecard = {
  id: string;
  interviewId: string;
  scriptVersionId: string;
  status: "DRAFT" | "SUBMITTED";
};

/**
 * Finds the actor's own scorecard (in their organisation, while they sit on its panel) and locks its row
 * until the transaction ends, so submit, amend and cell saves on one scorecard never interleave.
 * Anyone else's scorecard is NOT_FOUND: we don't confirm it exists.
 */
export async function lockOwnScorecard(
  tx: Prisma.TransactionClient,
  actor: Actor,
  scorecardId: string,
): Promise<LockedScorecard> {
  const rows = await tx.$queryRaw<LockedScorecard[]>`
    SELECT s.id, s."interviewId", i."scriptVersionId", s.status::text AS status
    FROM "Scorecard" s
    JOIN "Interview" i ON i.id = s."interviewId"
    WHERE s.id = ${scorecardId} AND s."orgId" = ${actor.orgId} AND s."panelistId" = ${actor.userId}
      AND EXISTS (SELECT 1 FROM "PanelMember" pm WHERE pm."interviewId" = s."interviewId" AND pm."userId" = s."panelistId")
    FOR UPDATE OF s`;
  const card = rows[0];
  if (!card) throw notFound("Scorecard");
  return card;
}

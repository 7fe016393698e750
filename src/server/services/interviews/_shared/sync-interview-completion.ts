import type { Prisma } from "@/generated/prisma/client";
import { emitInterviewAllSubmitted } from "@/server/services/webhooks/emit-scorecard-webhooks";

/**
 * An interview is Completed exactly when everyone on its panel (shadows aside) has submitted: call this inside any
 * transaction that submits a scorecard or changes a panel. Cancelled interviews are left alone.
 *
 * The interview row is locked by a statement of its own first: under READ COMMITTED the update after it
 * then reads with a fresh snapshot, so when the last two panelists submit at once the second to commit
 * sees the first's submission (checking inside one statement would let both miss each other).
 */
export async function syncInterviewCompletion(tx: Prisma.TransactionClient, interviewId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Interview" WHERE "id" = ${interviewId} FOR UPDATE`;
  const changed = await tx.$queryRaw<Array<{ orgId: string; status: string }>>`
    UPDATE "Interview" i
    SET "status" = CASE WHEN done.complete THEN 'COMPLETED' ELSE 'SCHEDULED' END::"InterviewStatus",
        -- Set here as Prisma's @updatedAt would (and strictly later than before, even within a millisecond): the
        -- REST API's ETag and updated_since, and the settings form's baseUpdatedAt, must see this change of status.
        "updatedAt" = GREATEST(clock_timestamp(), i."updatedAt" + interval '1 millisecond')
    FROM (
      SELECT EXISTS (SELECT 1 FROM "PanelMember" pm WHERE pm."interviewId" = ${interviewId} AND NOT pm."shadow")
         AND NOT EXISTS (
           SELECT 1 FROM "PanelMember" pm
           WHERE pm."interviewId" = ${interviewId} AND NOT pm."shadow"
             AND NOT EXISTS (
               SELECT 1 FROM "Scorecard" s
               WHERE s."interviewId" = pm."interviewId" AND s."panelistId" = pm."userId" AND s."status" = 'SUBMITTED'
             )
         ) AS complete
    ) done
    WHERE i."id" = ${interviewId}
      AND i."status" <> 'CANCELLED'
      AND i."status" <> CASE WHEN done.complete THEN 'COMPLETED' ELSE 'SCHEDULED' END::"InterviewStatus"
    RETURNING i."orgId", i."status"::text AS "status"`;
  // Completed by this change (the last submission, or a pending seat removed): webhooks hear of it once.
  if (changed[0]?.status === "COMPLETED") await emitInterviewAllSubmitted(tx, changed[0].orgId, interviewId);
}

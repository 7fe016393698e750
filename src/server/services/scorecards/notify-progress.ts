import { Prisma } from "@/generated/prisma/client";
import { PROGRESS_CHANNEL } from "@/server/realtime/progress-channel";

/**
 * Tells every app instance that a panelist's progress on this interview moved. Run inside the write's
 * transaction: PostgreSQL delivers the notification only if, and when, it commits.
 */
export async function notifyProgress(tx: Pick<Prisma.TransactionClient, "$executeRaw">, interviewId: string) {
  await tx.$executeRaw`SELECT pg_notify(${PROGRESS_CHANNEL}, ${interviewId})`;
}

/**
 * The end of a cell write (CTEs `cell`, `inserted` and `updated` before it): bumps the scorecard's
 * version and notifies progress, in the same statement, only when the cell was written.
 */
export const writtenThenBumpAndNotify = Prisma.sql`written AS (
      SELECT version FROM inserted UNION ALL SELECT version FROM updated
    ), bumped AS (
      UPDATE "Scorecard" s
      SET version = s.version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE s.id = cell."scorecardId" AND EXISTS (SELECT 1 FROM written)
      RETURNING s.version, s."interviewId"
    )
    SELECT written.version, bumped.version AS "scorecardVersion",
           pg_notify(${PROGRESS_CHANNEL}, bumped."interviewId")::text AS notified
    FROM written CROSS JOIN bumped`;

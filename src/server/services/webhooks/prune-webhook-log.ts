// The webhook log does not grow forever: an event whose every delivery has ended (delivered or given up)
// is deleted, with its deliveries and their attempts (cascade), once it is older than the log's keep period.
// An event still being delivered is kept whatever its age. Runs with the hourly retention task.
import type { Db } from "@/server/db";

/** How long the delivery log (and so replay) reaches back. */
export const WEBHOOK_LOG_DAYS = 30;
const BATCH = 1_000;

export async function pruneWebhookLog(db: Db, now: Date = new Date()): Promise<{ events: number }> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000);
  let events = 0;
  // Batches keep each delete's locks and cascade short on a large backlog.
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "WebhookEvent" e
      WHERE e."id" IN (
        SELECT o."id" FROM "WebhookEvent" o
        WHERE o."createdAt" < ${before}
          AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = o."id" AND d."status" = 'PENDING'::"WebhookDeliveryStatus")
        LIMIT ${BATCH})`;
    events += deleted;
    if (deleted < BATCH) return { events };
  }
}

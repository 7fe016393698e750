import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { JOB } from "@/server/jobs/job-names";

/**
 * The job payload: the delivery, and how many attempts it had when this round started (a replay starts a new
 * round with the full retry schedule). The job key keeps one queued job per delivery.
 */
export type WebhookDeliveryJob = { deliveryId: string; since: number };

export async function enqueueWebhookDelivery(db: Db | Prisma.TransactionClient, deliveryId: string, since: number, runAt?: Date) {
  const payload: WebhookDeliveryJob = { deliveryId, since };
  // Our own retry schedule runs the attempts; the queue's retries only cover a crash in the middle of one.
  await enqueueJob(db, JOB.deliverWebhook, payload, { jobKey: `webhook-delivery:${deliveryId}`, maxAttempts: 3, runAt });
}

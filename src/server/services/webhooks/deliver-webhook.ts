// One attempt at one webhook delivery, as the deliver-webhook job runs it: waits its turn behind earlier
// deliveries about the same resource, signs, posts, records the attempt and schedules the next one with
// backoff until the round's attempts run out (then FAILED). The event id stays the same on every attempt.
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWebhookUrlShape } from "./_shared/check-webhook-url";
import { enqueueWebhookDelivery, type WebhookDeliveryJob } from "./_shared/enqueue-webhook-delivery";
import { postWebhook, type PostOutcome } from "./_shared/post-webhook";
import { signatureHeader } from "./_shared/webhook-signature";

export type DeliveryOptions = {
  /** The wait after each failed attempt; a round has one attempt more than delays. */
  retryDelaysMs: number[];
  timeoutMs: number;
  /** How soon a delivery waiting behind an earlier one about the same resource looks again. */
  orderingPollMs: number;
};

/** 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 12 h: 8 attempts over about 19 hours, then FAILED. */
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryDelaysMs: [5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000],
  timeoutMs: 10_000,
  orderingPollMs: 1_000,
};

export type AttemptResult = "skipped" | "waiting" | "succeeded" | "retrying" | "failed";

/** ±20 % so that many deliveries failing together don't all come back at the same moment. */
const withJitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

export async function attemptWebhookDelivery(db: Db, job: WebhookDeliveryJob, options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS): Promise<AttemptResult> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: job.deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      event: { select: { id: true, type: true, payload: true, resourceType: true, resourceId: true, createdAt: true } },
      endpoint: {
        select: {
          id: true,
          url: true,
          secret: true,
          previousSecret: true,
          previousSecretExpiresAt: true,
          disabledAt: true,
          includeNotes: true,
          org: { select: { webhooksAllowPrivateUrls: true } },
        },
      },
    },
  });
  // Gone, already done, or its endpoint disabled (enabling it again queues what waits).
  if (!delivery || delivery.status !== "PENDING" || delivery.endpoint.disabledAt) return "skipped";
  const { event, endpoint } = delivery;

  const earlier = await db.webhookDelivery.findFirst({
    where: {
      endpointId: endpoint.id,
      status: "PENDING",
      id: { not: delivery.id },
      event: {
        resourceType: event.resourceType,
        resourceId: event.resourceId,
        OR: [{ createdAt: { lt: event.createdAt } }, { createdAt: event.createdAt, id: { lt: event.id } }],
      },
    },
    select: { nextAttemptAt: true },
  });
  if (earlier) {
    const soonest = Date.now() + options.orderingPollMs;
    await enqueueWebhookDelivery(db, delivery.id, job.since, new Date(Math.max(soonest, earlier.nextAttemptAt?.getTime() ?? 0)));
    return "waiting";
  }

  const body = JSON.stringify(await payloadFor(db, event, endpoint.includeNotes));
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const stillSigning = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  const secrets = stillSigning ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
  const headers = { "webhook-id": event.id, "webhook-timestamp": String(timestamp), "webhook-signature": signatureHeader(secrets, event.id, timestamp, body) };
  const allowPrivate = endpoint.org.webhooksAllowPrivateUrls;
  let outcome: PostOutcome;
  try {
    outcome = await postWebhook(assertWebhookUrlShape(endpoint.url, allowPrivate), headers, body, { timeoutMs: options.timeoutMs, allowPrivate });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    outcome = { ok: false, status: null, body: null, error: error.message, durationMs: 0 };
  }

  const number = delivery.attempts + 1;
  const inRound = number - job.since;
  const giveUp = !outcome.ok && inRound > options.retryDelaysMs.length;
  const status = outcome.ok ? "SUCCEEDED" : giveUp ? "FAILED" : "PENDING";
  const next = status === "PENDING" ? new Date(Date.now() + withJitter(options.retryDelaysMs[inRound - 1]!)) : null;
  await db.$transaction(async (tx) => {
    // Counted against the attempts read above: should two runs of one delivery ever overlap, one records.
    const claimed = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts, status: "PENDING" },
      data: { attempts: number, status, lastAttemptAt: now, nextAttemptAt: next },
    });
    if (claimed.count === 0) return;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        number,
        at: now,
        responseStatus: outcome.status,
        responseBody: outcome.body,
        error: outcome.error,
        durationMs: outcome.durationMs,
      },
    });
    if (next) await enqueueWebhookDelivery(tx, delivery.id, job.since, next);
  });
  return outcome.ok ? "succeeded" : giveUp ? "failed" : "retrying";
}

type EventRow = { type: string; payload: unknown };

/**
 * The body as stored, plus, for an endpoint granted notes, the submitted scorecard's summary and evidence
 * notes read now: never a draft or a shadow's, and none once the candidate is erased.
 */
async function payloadFor(db: Db, event: EventRow, includeNotes: boolean): Promise<unknown> {
  const payload = event.payload as { type: string; timestamp: string; data: Record<string, unknown> };
  if (!includeNotes || event.type !== "scorecard.submitted" || typeof payload.data.scorecardId !== "string") return payload;
  const card = await db.scorecard.findFirst({
    where: { id: payload.data.scorecardId, status: "SUBMITTED", shadow: false, interview: { candidate: { anonymizedAt: null } } },
    select: { summary: true, notes: { select: { itemId: true, body: true }, orderBy: { itemId: "asc" } } },
  });
  return { ...payload, data: { ...payload.data, summary: card?.summary ?? null, notes: card?.notes ?? [] } };
}

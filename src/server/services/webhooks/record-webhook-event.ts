// The webhook outbox: called inside the transaction that makes a change, it stores the event and one delivery
// per enabled endpoint subscribed to it, and queues their jobs, so an event exists exactly when its change
// committed. Nothing is stored when no endpoint listens.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookEventType } from "@/lib/schemas/webhooks";
import { enqueueWebhookDelivery } from "./_shared/enqueue-webhook-delivery";

export type WebhookEventInput = {
  orgId: string;
  type: WebhookEventType;
  /** What the event is about; deliveries about the same resource reach an endpoint in order. */
  resource: [type: string, id: string];
  /** Ids and the minimum needed: never names, contact data, notes or other panelists' ratings. */
  data: Record<string, string | number | boolean | null>;
  /** Only this endpoint (a test event); otherwise every subscribed one. */
  endpointId?: string;
};

export const newWebhookEventId = () => `msg_${randomBytes(16).toString("base64url")}`;

export async function recordWebhookEvent(tx: Prisma.TransactionClient, input: WebhookEventInput): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: input.endpointId
      ? { id: input.endpointId, orgId: input.orgId }
      : { orgId: input.orgId, disabledAt: null, events: { has: input.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = newWebhookEventId();
  const createdAt = new Date();
  await tx.webhookEvent.create({
    data: {
      id,
      orgId: input.orgId,
      type: input.type,
      resourceType: input.resource[0],
      resourceId: input.resource[1],
      payload: { type: input.type, timestamp: createdAt.toISOString(), data: input.data },
      createdAt,
    },
  });
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({ data: { eventId: id, endpointId: endpoint.id, nextAttemptAt: createdAt }, select: { id: true } });
    await enqueueWebhookDelivery(tx, delivery.id, 0);
  }
  return id;
}

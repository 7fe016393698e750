import type { WebhookDeliveryIdInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { enqueueWebhookDelivery } from "./_shared/enqueue-webhook-delivery";

/**
 * Sends a delivery again, now, with a new round of attempts: the same event (the same webhook-id, so a
 * receiver that already has it can tell), signed afresh. Its earlier attempts stay in the log.
 */
export async function replayWebhookDelivery(db: Db, actor: Actor, input: WebhookDeliveryIdInput): Promise<{ id: string; eventId: string }> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, endpoint: { orgId: actor.orgId } },
      select: { id: true, eventId: true, attempts: true },
    });
    if (!delivery) throw notFound("Webhook delivery");
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "PENDING", nextAttemptAt: new Date() } });
    await enqueueWebhookDelivery(tx, delivery.id, delivery.attempts);
    await recordActorEvent(tx, actor, "webhook.delivery_replayed", ["WebhookDelivery", delivery.id], { eventId: delivery.eventId });
    return { id: delivery.id, eventId: delivery.eventId };
  });
}

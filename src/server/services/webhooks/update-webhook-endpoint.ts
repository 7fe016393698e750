import type { UpdateWebhookEndpointInput, WebhookEndpoint } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { enqueueWebhookDelivery } from "./_shared/enqueue-webhook-delivery";
import { endpointView, endpointViewSelect, ownEndpoint } from "./_shared/own-endpoint";

/**
 * Changes an endpoint's description, events or notes grant, or disables or enables it. A disabled endpoint
 * keeps its waiting deliveries; enabling it again sends them (a new round of attempts each).
 */
export async function updateWebhookEndpoint(db: Db, actor: Actor, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
  const { id, enabled, events, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await ownEndpoint(tx, actor, id);
    const enabling = enabled === true && before.disabledAt !== null;
    const disabledAt = enabled === undefined ? undefined : enabled ? null : (before.disabledAt ?? new Date());
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: { ...fields, ...(events ? { events: [...new Set(events)] } : {}), disabledAt },
      select: endpointViewSelect,
    });
    if (enabling) {
      const waiting = await tx.webhookDelivery.findMany({ where: { endpointId: id, status: "PENDING" }, select: { id: true, attempts: true } });
      for (const delivery of waiting) await enqueueWebhookDelivery(tx, delivery.id, delivery.attempts);
    }
    await recordActorEvent(tx, actor, "webhook.endpoint_updated", ["WebhookEndpoint", id], {
      fields: Object.keys(input).filter((key) => key !== "id"),
      ...(enabled === undefined ? {} : { enabled }),
    });
    return endpointView(endpoint);
  });
}

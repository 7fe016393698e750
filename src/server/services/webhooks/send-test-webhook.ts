import type { WebhookEndpointIdInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { ownEndpoint } from "./_shared/own-endpoint";
import { recordWebhookEvent } from "./record-webhook-event";

/** Sends a "webhook.test" event to this endpoint only (whatever it subscribes to), through the usual delivery. */
export async function sendTestWebhook(db: Db, actor: Actor, input: WebhookEndpointIdInput): Promise<{ eventId: string }> {
  return db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, actor, input.id);
    const eventId = await recordWebhookEvent(tx, {
      orgId: actor.orgId,
      type: "webhook.test",
      resource: ["WebhookEndpoint", endpoint.id],
      data: { endpointId: endpoint.id },
      endpointId: endpoint.id,
    });
    await recordActorEvent(tx, actor, "webhook.test_sent", ["WebhookEndpoint", endpoint.id], { eventId });
    return { eventId: eventId! };
  });
}

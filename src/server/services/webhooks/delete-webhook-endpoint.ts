import type { WebhookEndpointIdInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { ownEndpoint } from "./_shared/own-endpoint";

/** Deletes an endpoint with its delivery log; its queued jobs find nothing and end. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, input: WebhookEndpointIdInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, actor, input.id);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordActorEvent(tx, actor, "webhook.endpoint_deleted", ["WebhookEndpoint", endpoint.id], { url: endpoint.url });
    return { id: endpoint.id };
  });
}

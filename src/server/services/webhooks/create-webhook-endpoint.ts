import type { CreateWebhookEndpointInput, WebhookEndpoint } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { checkWebhookUrl } from "./_shared/check-webhook-url";
import { endpointView, endpointViewSelect, ownEndpoint } from "./_shared/own-endpoint";
import { newWebhookSecret } from "./_shared/webhook-signature";

/** Registers an endpoint with a new signing secret, after checking where its URL leads (see check-webhook-url). */
export async function createWebhookEndpoint(db: Db, actor: Actor, input: CreateWebhookEndpointInput): Promise<WebhookEndpoint> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { webhooksAllowPrivateUrls: true } });
  await checkWebhookUrl(input.url, org.webhooksAllowPrivateUrls);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { ...input, events: [...new Set(input.events)], orgId: actor.orgId, secret: newWebhookSecret(), createdById: actor.userId },
      select: endpointViewSelect,
    });
    await recordActorEvent(tx, actor, "webhook.endpoint_created", ["WebhookEndpoint", endpoint.id], {
      url: endpoint.url,
      events: endpoint.events,
      includeNotes: endpoint.includeNotes,
    });
    return endpointView(endpoint);
  });
}

/**
 * The endpoint an earlier send of the same form made, as it is now: a repeat's answer. Its signing secret is
 * kept on the endpoint only, never with the submission key, so the answer is read again rather than replayed.
 */
export async function webhookEndpointMadeEarlier(db: Db, actor: Actor, id: string): Promise<WebhookEndpoint> {
  return endpointView(await ownEndpoint(db, actor, id));
}

import type { WebhookEndpoint, WebhookEndpointIdInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { endpointView, endpointViewSelect, ownEndpoint } from "./_shared/own-endpoint";
import { newWebhookSecret } from "./_shared/webhook-signature";

/** How long the replaced secret keeps signing beside the new one, so receivers can switch without a gap. */
export const PREVIOUS_SECRET_HOURS = 24;

export async function rotateWebhookSecret(db: Db, actor: Actor, input: WebhookEndpointIdInput): Promise<WebhookEndpoint> {
  return db.$transaction(async (tx) => {
    const before = await ownEndpoint(tx, actor, input.id);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: {
        secret: newWebhookSecret(),
        previousSecret: before.secret,
        previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_HOURS * 3_600_000),
      },
      select: endpointViewSelect,
    });
    await recordActorEvent(tx, actor, "webhook.secret_rotated", ["WebhookEndpoint", endpoint.id], { previousSecretHours: PREVIOUS_SECRET_HOURS });
    return endpointView(endpoint);
  });
}

import type { WebhookSettingsInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/**
 * Whether this organisation's webhooks may reach private, loopback and link-local addresses (a receiver on the
 * same network, or a test receiver on 127.0.0.1). Off by default: it is the guard against request forgery.
 */
export async function updateWebhookSettings(db: Db, actor: Actor, input: WebhookSettingsInput): Promise<WebhookSettingsInput> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: actor.orgId }, data: { webhooksAllowPrivateUrls: input.allowPrivateUrls } });
    await recordActorEvent(tx, actor, "org.webhook_settings_changed", ["Organization", actor.orgId], { allowPrivateUrls: input.allowPrivateUrls });
    return input;
  });
}

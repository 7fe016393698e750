import type { WebhookOverview } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { endpointView, endpointViewSelect } from "./_shared/own-endpoint";

/** The organisation's webhook endpoints (newest first) and whether they may point at private addresses. */
export async function getWebhookOverview(db: Db, actor: Actor): Promise<WebhookOverview> {
  requirePermission(actor, "org:settings");
  const [org, endpoints] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { webhooksAllowPrivateUrls: true } }),
    db.webhookEndpoint.findMany({ where: { orgId: actor.orgId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: endpointViewSelect }),
  ]);
  return { allowPrivateUrls: org.webhooksAllowPrivateUrls, endpoints: endpoints.map((e) => endpointView(e)) };
}

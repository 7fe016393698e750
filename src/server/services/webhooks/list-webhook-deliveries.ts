import type { WebhookDeliveriesInput } from "@/lib/schemas/webhooks";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { endpointView, ownEndpoint } from "./_shared/own-endpoint";

/** An endpoint's delivery log, newest first: each delivery's event and every attempt with what the receiver said. */
export async function listWebhookDeliveries(db: Db, actor: Actor, input: WebhookDeliveriesInput) {
  const endpoint = await ownEndpoint(db, actor, input.endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      createdAt: true,
      event: { select: { id: true, type: true, resourceType: true, resourceId: true } },
      attemptLog: {
        orderBy: { number: "asc" },
        select: { number: true, at: true, responseStatus: true, responseBody: true, error: true, durationMs: true },
      },
    },
  });
  const deliveries = rows.map(({ event, ...row }) => ({
    ...row,
    eventId: event.id,
    eventType: event.type,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
  }));
  return { endpoint: endpointView(endpoint), deliveries };
}

import type { Prisma } from "@/generated/prisma/client";
import type { WebhookEndpoint } from "@/lib/schemas/webhooks";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";

export const endpointViewSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  includeNotes: true,
  secret: true,
  previousSecretExpiresAt: true,
  disabledAt: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointViewSelect }>;

export function endpointView({ disabledAt, previousSecretExpiresAt, ...row }: EndpointRow, now = new Date()): WebhookEndpoint {
  return { ...row, enabled: disabledAt === null, previousSecretExpiresAt: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null };
}

/** The admin's organisation's endpoint; another organisation's is NOT_FOUND (we don't confirm it exists). */
export async function ownEndpoint(tx: Pick<Prisma.TransactionClient, "webhookEndpoint">, actor: Actor, id: string) {
  requirePermission(actor, "org:settings");
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id, orgId: actor.orgId }, select: endpointViewSelect });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

// The deliver-webhook task: one attempt at one webhook delivery (see attemptWebhookDelivery). Tests build it
// with a short retry schedule and timeout.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { db } from "@/server/db";
import { attemptWebhookDelivery, DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from "@/server/services/webhooks/deliver-webhook";

const payloadSchema = z.object({ deliveryId: z.string().min(1), since: z.number().int().min(0) });

export function deliverWebhookTaskWith(options: Partial<DeliveryOptions> = {}): Task {
  const settings = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  return async (payload) => {
    const parsed = payloadSchema.safeParse(payload);
    // A payload this code can't read will never succeed; retrying it would only delay the failure.
    if (!parsed.success) throw new Error(`Unreadable webhook delivery payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    await attemptWebhookDelivery(db(), parsed.data, settings);
  };
}

export const deliverWebhookTask = deliverWebhookTaskWith();

// Webhooks (admins): endpoints, their events and secrets, the delivery log, test sends and replays, and
// whether endpoints may point at private addresses.
import {
  createWebhookEndpointInput,
  updateWebhookEndpointInput,
  webhookDeliveriesInput,
  webhookDeliveryIdInput,
  webhookDeliveryLogSchema,
  webhookEndpointIdInput,
  webhookEndpointSchema,
  webhookOverviewSchema,
  webhookSettingsInput,
  type WebhookEndpoint,
} from "@/lib/schemas/webhooks";
import { z } from "@/lib/schemas/zod";
import { createWebhookEndpoint, webhookEndpointMadeEarlier } from "@/server/services/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/server/services/webhooks/delete-webhook-endpoint";
import { getWebhookOverview } from "@/server/services/webhooks/get-webhook-overview";
import { listWebhookDeliveries } from "@/server/services/webhooks/list-webhook-deliveries";
import { replayWebhookDelivery } from "@/server/services/webhooks/replay-webhook-delivery";
import { rotateWebhookSecret } from "@/server/services/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/server/services/webhooks/send-test-webhook";
import { updateWebhookEndpoint } from "@/server/services/webhooks/update-webhook-endpoint";
import { updateWebhookSettings } from "@/server/services/webhooks/update-webhook-settings";
import { withActor, withActorNoInput } from "../call-service";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

const admin = () => orgProcedure("org:settings");

/** What a repeat of one form's submission finds: the endpoint the first send made (only its id is kept). */
type MadeEarlier = { id: string; madeEarlier: true };

export const webhooksRouter = createTRPCRouter({
  overview: admin().output(webhookOverviewSchema).query(withActorNoInput(getWebhookOverview)),
  updateSettings: admin().input(webhookSettingsInput).output(webhookSettingsInput).mutation(withActor(updateWebhookSettings)),
  /** One endpoint per form submission: a repeat gets the endpoint the first send made, with its secret. */
  create: admin()
    .input(createWebhookEndpointInput.extend(withIdempotencyKey))
    .output(webhookEndpointSchema)
    .mutation(async ({ ctx, input }) => {
      const made = await onceForSubmission(
        ctx,
        "webhooks.create",
        input,
        (data): Promise<WebhookEndpoint | MadeEarlier> => createWebhookEndpoint(ctx.db, ctx.actor, data),
        { keep: ({ id }) => ({ id }), replay: (kept): MadeEarlier => ({ id: (kept as { id: string }).id, madeEarlier: true }) },
      );
      return "madeEarlier" in made ? webhookEndpointMadeEarlier(ctx.db, ctx.actor, made.id) : made;
    }),
  update: admin().input(updateWebhookEndpointInput).output(webhookEndpointSchema).mutation(withActor(updateWebhookEndpoint)),
  delete: admin().input(webhookEndpointIdInput).output(z.object({ id: z.string() })).mutation(withActor(deleteWebhookEndpoint)),
  rotateSecret: admin().input(webhookEndpointIdInput).output(webhookEndpointSchema).mutation(withActor(rotateWebhookSecret)),
  sendTest: admin().input(webhookEndpointIdInput).output(z.object({ eventId: z.string() })).mutation(withActor(sendTestWebhook)),
  deliveries: admin().input(webhookDeliveriesInput).output(webhookDeliveryLogSchema).query(withActor(listWebhookDeliveries)),
  replay: admin().input(webhookDeliveryIdInput).output(z.object({ id: z.string(), eventId: z.string() })).mutation(withActor(replayWebhookDelivery)),
});

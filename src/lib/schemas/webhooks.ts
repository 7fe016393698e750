// Webhooks (issue 22): the events an admin can subscribe an endpoint to, the endpoint forms, and the delivery
// log. Zod only: the settings section checks its values with these before sending.
import { z } from "./zod";
import { idSchema } from "./common";

/** Every event type an endpoint can subscribe to; "webhook.test" is sent on request only. */
export const WEBHOOK_EVENT_TYPES = [
  "scorecard.submitted",
  "interview.all_submitted",
  "interview.scheduled",
  "interview.cancelled",
  "decision.recorded",
  "candidate.created",
  "candidate.updated",
  "candidate.erased",
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.output<typeof webhookEventTypeSchema> | "webhook.test";

const urlSchema = z
  .string({ error: "Enter the endpoint's URL" })
  .trim()
  .min(1, "Enter the endpoint's URL")
  .max(2048, "Use a URL of at most 2048 characters")
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "Enter an http(s) URL, e.g. https://ats.example/hooks");

const eventsSchema = z.array(webhookEventTypeSchema).min(1, "Choose at least one event").max(WEBHOOK_EVENT_TYPES.length);

export const createWebhookEndpointInput = z.object({
  url: urlSchema,
  description: z.string().trim().max(200, "Use at most 200 characters").default(""),
  events: eventsSchema,
  includeNotes: z.boolean().default(false),
});
export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointInput>;

export const webhookEndpointIdInput = z.object({ id: idSchema });
export type WebhookEndpointIdInput = z.output<typeof webhookEndpointIdInput>;

export const updateWebhookEndpointInput = z.object({
  id: idSchema,
  description: z.string().trim().max(200, "Use at most 200 characters").optional(),
  events: eventsSchema.optional(),
  includeNotes: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointInput = z.output<typeof updateWebhookEndpointInput>;

export const webhookSettingsInput = z.object({ allowPrivateUrls: z.boolean() });
export type WebhookSettingsInput = z.output<typeof webhookSettingsInput>;

/** An endpoint as admins see it: the secret is shown (admins need it to verify), the previous one only while it still signs. */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  includeNotes: z.boolean(),
  secret: z.string(),
  previousSecretExpiresAt: z.date().nullable(),
  enabled: z.boolean(),
  createdAt: z.date(),
});
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;

export const webhookOverviewSchema = z.object({
  allowPrivateUrls: z.boolean(),
  endpoints: z.array(webhookEndpointSchema),
});
export type WebhookOverview = z.output<typeof webhookOverviewSchema>;

export const webhookAttemptSchema = z.object({
  number: z.number().int(),
  at: z.date(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  createdAt: z.date(),
  attemptLog: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

export const webhookDeliveriesInput = z.object({ endpointId: idSchema, limit: z.number().int().min(1).max(100).default(50) });
export type WebhookDeliveriesInput = z.output<typeof webhookDeliveriesInput>;
export const webhookDeliveryIdInput = z.object({ deliveryId: idSchema });
export type WebhookDeliveryIdInput = z.output<typeof webhookDeliveryIdInput>;
export const webhookDeliveryLogSchema = z.object({ endpoint: webhookEndpointSchema, deliveries: z.array(webhookDeliverySchema) });

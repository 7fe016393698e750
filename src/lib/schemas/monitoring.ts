// Fairness monitoring: the organisation's settings, candidates' links to the voluntary equal-opportunities
// form, and the form itself. Zod only. The answers' own schema depends on what the organisation collects,
// so it is built per organisation (monitoringAnswersSchema in src/lib/monitoring/categories.ts).
import { z } from "./zod";
import { idSchema } from "./common";
import { monitoringAnswerSchema, monitoringCategoryKeySchema } from "@/lib/monitoring/categories";

/** The smallest cell a report may show; the database refuses anything below (a CHECK constraint). */
export const MONITORING_MIN_CELL_FLOOR = 5;

export const monitoringSettingsSchema = z.object({
  categories: z.array(z.string()),
  minCell: z.number().int(),
  reportForManagers: z.boolean(),
});
export type MonitoringSettings = z.output<typeof monitoringSettingsSchema>;

/**
 * `shown`: the settings as the form showed them; when they were changed elsewhere since, the save is refused
 * (CONFLICT) rather than putting them back.
 */
export const updateMonitoringSettingsInputSchema = z.object({
  categories: z.array(monitoringCategoryKeySchema).max(50).transform((keys) => [...new Set(keys)]),
  minCell: z
    .number({ error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(MONITORING_MIN_CELL_FLOOR, `The smallest cell is never below ${MONITORING_MIN_CELL_FLOOR}`)
    .max(1000, "The smallest cell must be at most 1000"),
  reportForManagers: z.boolean(),
  shown: monitoringSettingsSchema.optional(),
});
export type UpdateMonitoringSettingsInput = z.output<typeof updateMonitoringSettingsInputSchema>;

export const createMonitoringInviteInputSchema = z.object({ candidateId: idSchema });
export type CreateMonitoringInviteInput = z.output<typeof createMonitoringInviteInputSchema>;

/** The link (the only copy of the token) goes back to its creator once. */
export const monitoringInviteCreatedSchema = z.object({ link: z.string(), expiresAt: z.date(), emailed: z.boolean() });

// 32 bytes in base64url are 43 characters; refuse anything absurd before hashing.
export const monitoringTokenSchema = z
  .string()
  .trim()
  .min(20, "This link is incomplete: copy the whole link from the message you received")
  .max(100, "This link is not valid");

export const monitoringTokenInputSchema = z.object({ token: monitoringTokenSchema });

export const monitoringLinkStatusSchema = z.enum(["valid", "expired", "used", "revoked", "unknown"]);
export type MonitoringLinkStatus = z.infer<typeof monitoringLinkStatusSchema>;

/** Why a link can't be used, in words for the person holding it (never anything about the candidate). */
export const MONITORING_LINK_REFUSALS: Record<Exclude<MonitoringLinkStatus, "valid">, string> = {
  used: "This form has already been answered. Thank you: nothing more is needed.",
  expired: "This link has expired. If you would still like to answer, ask the organisation for a new link.",
  revoked: "This link has been replaced by a newer one. Use the most recent link you received.",
  unknown: "This link is not valid. Check that you copied the whole link from the message you received.",
};

/** What the public form may know: the link's state, and for a usable link the organisation and its questions. */
export const monitoringFormSchema = z.object({
  status: monitoringLinkStatusSchema,
  orgName: z.string().nullable(),
  categories: z.array(z.string()),
});
export type MonitoringForm = z.output<typeof monitoringFormSchema>;

export const submitMonitoringAnswersInputSchema = z.object({
  token: monitoringTokenSchema,
  // Checked against what the organisation collects in the service (it depends on the organisation).
  answers: z.record(z.string().max(60), monitoringAnswerSchema),
});
export type SubmitMonitoringAnswersInput = z.output<typeof submitMonitoringAnswersInputSchema>;

export const monitoringAnswersSubmittedSchema = z.object({ submitted: z.literal(true) });

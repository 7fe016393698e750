// Invitations: to the organisation (admins, from Members) and to an interview's panel. Zod only.
import { z } from "./zod";
import { emailAddressSchema, passwordSchema } from "./auth";
import { idSchema, roleSchema } from "./common";

// 32 bytes in base64url are 43 characters; allow a little slack, refuse anything absurd before hashing.
export const invitationTokenSchema = z
  .string()
  .trim()
  .min(20, "This invitation link is incomplete")
  .max(100, "This invitation link is not valid");

export const createInvitationInputSchema = z.object({
  email: emailAddressSchema,
  interviewId: idSchema.optional(),
  role: roleSchema.optional(),
});
export type CreateInvitationInput = z.output<typeof createInvitationInputSchema>;

/** The link (the only copy of the token) goes back to the inviter once. */
export const invitationSentSchema = z.object({ id: z.string(), link: z.string(), emailed: z.boolean() });

export const invitationIdInputSchema = z.object({ id: idSchema });
export type InvitationIdInput = z.output<typeof invitationIdInputSchema>;

/** Allow-list: the invitee's email and the inviter's name, never the token's hash. */
export const pendingInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.date(),
  expiresAt: z.date(),
  invitedByName: z.string().nullable(),
  interview: z.object({ id: z.string(), scheduledAt: z.date() }).nullable(),
});

export const invitationResentSchema = invitationSentSchema.extend({ expiresAt: z.date() });

export const invitationStatusSchema = z.enum(["valid", "expired", "used", "revoked", "unknown"]);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationPreviewInputSchema = z.object({ token: invitationTokenSchema });
export type InvitationPreviewInput = z.output<typeof invitationPreviewInputSchema>;

/**
 * Allow-list for whoever holds the link (signed out, perhaps not the invitee): details only for a link that
 * can still be accepted, and nothing that says whether the email has an account.
 */
export const invitationPreviewSchema = z.object({
  status: invitationStatusSchema,
  orgName: z.string().optional(),
  email: z.string().optional(),
  role: roleSchema.optional(),
  interview: z.object({ scheduledAt: z.date() }).optional(),
  signedInEmail: z.string().nullable(),
});

export const acceptInvitationInputSchema = z.object({
  token: invitationTokenSchema,
  name: z.string().trim().min(1, "Enter your name").max(120, "Name must be at most 120 characters").optional(),
  password: passwordSchema.optional(),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationInputSchema>;

/** The account form's fields (the token comes from the page): what the browser checks before sending. */
export const invitationAccountSchema = acceptInvitationInputSchema.pick({ name: true, password: true }).required();

export const invitationAcceptedSchema = z.object({ email: z.string(), orgId: z.string(), interviewId: z.string().nullable() });

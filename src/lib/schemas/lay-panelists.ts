// Lay panelists (service users and external assessors without accounts): adding one to an interview's panel
// with a personal scoring link, re-issuing and revoking it, opening it on a device, and the lay session.
import { z } from "./zod";
import { idSchema } from "./common";

export const layStrandSchema = z.enum(["EXTERNAL", "SERVICE_USER"]);

export const addLayPanelistInput = z.object({
  interviewId: idSchema,
  name: z.string().trim().min(1, "Enter their name").max(120, "Name must be at most 120 characters"),
  email: z.union([z.literal(""), z.email("Enter a valid email address or leave it empty").max(320)]).optional(),
  strand: layStrandSchema,
  /** Email the link (never the code) when an address is given and email is set up. */
  sendEmail: z.boolean().default(false),
});
export type AddLayPanelistInput = z.output<typeof addLayPanelistInput>;

export const layPanelistRefInput = z.object({ interviewId: idSchema, userId: idSchema });
export type LayPanelistRefInput = z.output<typeof layPanelistRefInput>;

export const reissueLayLinkInput = layPanelistRefInput.extend({ sendEmail: z.boolean().default(false) });
export type ReissueLayLinkInput = z.output<typeof reissueLayLinkInput>;

/** Shown once, to the person who issued it: the database keeps only hashes of the link and the code. */
export const layLinkIssuedOutput = z.object({
  userId: z.string(),
  name: z.string(),
  link: z.string(),
  code: z.string(),
  expiresAt: z.date(),
  emailed: z.boolean(),
});

export const layLinkStatusSchema = z.enum(["ACTIVE", "LOCKED", "REVOKED", "EXPIRED"]);
export type LayLinkStatus = z.output<typeof layLinkStatusSchema>;

export const layPanelistListInput = z.object({ interviewId: idSchema });
export const layPanelistListOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    strand: z.string(),
    contactEmail: z.string().nullable(),
    status: layLinkStatusSchema,
    deviceBound: z.boolean(),
    expiresAt: z.date(),
    lastUsedAt: z.date().nullable(),
  }),
);

export const revokeLayLinkOutput = z.object({ userId: z.string(), revoked: z.boolean() });

/** The signed-in lay panelist's own view of their scope: their name and interview; null for anyone else. */
export const laySessionOutput = z
  .object({ name: z.string(), orgName: z.string(), interviewId: z.string().nullable() })
  .nullable();

/** What the link page posts to open the link on this device: the token, and the code when asked for. */
export const openLayLinkInput = z.object({
  token: z.string().min(10).max(200),
  code: z.string().trim().max(32).optional(),
});

export const layLinkPreviewInput = z.object({ token: z.string().min(1).max(200) });
export const layLinkPreviewOutput = z.object({
  refusal: z.enum(["UNKNOWN", "REVOKED", "EXPIRED", "LOCKED"]).nullable(),
  name: z.string().nullable(),
  orgName: z.string().nullable(),
});

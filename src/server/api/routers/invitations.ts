import { z } from "zod";
import { Role } from "@/generated/prisma/enums";
import { acceptInvitation, previewInvitation } from "@/server/services/invitations/accept-invitation";
import { createInvitation, revokeInvitation } from "@/server/services/invitations/create-invitation";
import { listPendingInvitations } from "@/server/services/invitations/list-pending-invitations";
import { resendInvitation } from "@/server/services/invitations/resend-invitation";
import { AppError } from "@/server/errors";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure, publicProcedure } from "../trpc";
import { passwordSchema } from "./auth";

const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);
const idSchema = z.string().min(1, "Id is required").max(64);
// 32 bytes in base64url are 43 characters; allow a little slack, refuse anything absurd before hashing.
const tokenSchema = z.string().trim().min(20, "This invitation link is incomplete").max(100, "This invitation link is not valid");

/**
 * A repeat of one invitation form's submission makes no second invitation. Its link can't be shown again
 * (only a hash of the token is stored, and the key table must not hold it), so the repeat is told where the
 * first one is; only the invitation's id is kept.
 */
export const replayInvitation = {
  keep: ({ id }: { id: string }) => ({ id }),
  replay: (): never => {
    throw new AppError("CONFLICT", "This invitation was already sent from this form: it is listed with the pending invitations.");
  },
};

export const invitationsRouter = createTRPCRouter({
  create: orgProcedure("interviews:write")
    .input(
      z.object({
        email: z.string().trim().max(320).email("Enter a valid email address"),
        interviewId: idSchema.optional(),
        role: roleSchema.optional(),
        ...withIdempotencyKey,
      }),
    )
    .output(z.object({ id: z.string(), link: z.string(), emailed: z.boolean() }))
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "invitations.create", input, (data) => createInvitation(ctx.db, ctx.actor, data), replayInvitation),
    ),

  revoke: orgProcedure("interviews:write")
    .input(z.object({ id: idSchema }))
    .output(z.object({ id: z.string(), revokedAt: z.date() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input)),

  pending: orgProcedure("members:manage")
    .output(
      z.array(
        z.object({
          id: z.string(),
          email: z.string(),
          role: roleSchema,
          createdAt: z.date(),
          expiresAt: z.date(),
          invitedByName: z.string().nullable(),
          interview: z.object({ id: z.string(), scheduledAt: z.date() }).nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listPendingInvitations(ctx.db, ctx.actor)),

  /** A new link replaces the old one (only its hash is stored), emailed again when SMTP is set up. */
  resend: orgProcedure("members:manage")
    .input(z.object({ id: idSchema }))
    .output(z.object({ id: z.string(), link: z.string(), emailed: z.boolean(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input)),

  /** Public: the token in the link is the credential. Details only for a link that can still be accepted. */
  preview: publicProcedure
    .input(z.object({ token: tokenSchema }))
    .output(
      z.object({
        status: z.enum(["valid", "expired", "used", "revoked", "unknown"]),
        orgName: z.string().optional(),
        email: z.string().optional(),
        role: roleSchema.optional(),
        interview: z.object({ scheduledAt: z.date() }).optional(),
        signedInEmail: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => previewInvitation(ctx.db, input, ctx.userId)),

  accept: publicProcedure
    .input(
      z.object({
        token: tokenSchema,
        name: z.string().trim().min(1, "Enter your name").max(120, "Name must be at most 120 characters").optional(),
        password: passwordSchema.optional(),
      }),
    )
    .output(z.object({ email: z.string(), orgId: z.string(), interviewId: z.string().nullable() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.userId)),
});

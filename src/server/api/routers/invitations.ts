import { z } from "zod";
import {
  acceptInvitationInputSchema,
  createInvitationInputSchema,
  invitationAcceptedSchema,
  invitationIdInputSchema,
  invitationPreviewInputSchema,
  invitationPreviewSchema,
  invitationResentSchema,
  invitationSentSchema,
  pendingInvitationSchema,
} from "@/lib/schemas/invitations";
import { acceptInvitation } from "@/server/services/invitations/accept-invitation";
import { createInvitation } from "@/server/services/invitations/create-invitation";
import { listPendingInvitations } from "@/server/services/invitations/list-pending-invitations";
import { previewInvitation } from "@/server/services/invitations/preview-invitation";
import { resendInvitation } from "@/server/services/invitations/resend-invitation";
import { revokeInvitation } from "@/server/services/invitations/revoke-invitation";
import { AppError } from "@/server/errors";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure, publicProcedure } from "../trpc";

/**
 * A repeat of one invitation form's submission makes no second invitation. Its link can't be shown again
 * (only a hash of the token is stored, and the key table must not hold it), so the repeat is told where the
 * first one is; only the invitation's id is kept.
 */
export const replayInvitation = {
  keep: ({ id }: { id: string }) => ({ id }),
  replay: (): never => {
    throw new AppError("CONFLICT", { key: "invitation.alreadySent" });
  },
};

export const invitationsRouter = createTRPCRouter({
  create: orgProcedure("interviews:write")
    .input(createInvitationInputSchema.extend(withIdempotencyKey))
    .output(invitationSentSchema)
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "invitations.create", input, (data) => createInvitation(ctx.db, ctx.actor, data), replayInvitation),
    ),

  revoke: orgProcedure("interviews:write").input(invitationIdInputSchema).mutation(withActor(revokeInvitation)),

  pending: orgProcedure("members:manage").output(z.array(pendingInvitationSchema)).query(withActorNoInput(listPendingInvitations)),

  /** A new link replaces the old one (only its hash is stored), emailed again when SMTP is set up. */
  resend: orgProcedure("members:manage").input(invitationIdInputSchema).output(invitationResentSchema)
    .mutation(withActor(resendInvitation)),

  /** Public: the token in the link is the credential. Details only for a link that can still be accepted. */
  preview: publicProcedure.input(invitationPreviewInputSchema).output(invitationPreviewSchema)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input, ctx.userId)),

  accept: publicProcedure.input(acceptInvitationInputSchema).output(invitationAcceptedSchema)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.userId)),
});

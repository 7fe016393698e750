import { z } from "zod";
import { invitationSentSchema } from "@/lib/schemas/invitations";
import { inviteMemberInputSchema, memberSchema, setMemberRoleInputSchema, viewerSchema } from "@/lib/schemas/orgs";
import { inviteMember } from "@/server/services/invitations/invite-member";
import { getViewer } from "@/server/services/orgs/get-viewer";
import { listMembers } from "@/server/services/orgs/list-members";
import { setMemberRole } from "@/server/services/orgs/set-member-role";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { replayInvitation } from "./invitations";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const orgRouter = createTRPCRouter({
  viewer: orgProcedure("org:read").output(viewerSchema).query(withActorNoInput(getViewer)),

  members: orgProcedure("members:read").output(z.array(memberSchema)).query(withActorNoInput(listMembers)),

  /** Adding someone is an invitation they accept; the answer never says whether the email has an account. */
  inviteMember: orgProcedure("members:manage")
    .input(inviteMemberInputSchema.extend(withIdempotencyKey))
    .output(invitationSentSchema)
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "org.inviteMember", input, (data) => inviteMember(ctx.db, ctx.actor, data), replayInvitation),
    ),

  setMemberRole: orgProcedure("members:manage").input(setMemberRoleInputSchema).mutation(withActor(setMemberRole)),
});

import { z } from "zod";
import { Role } from "@/generated/prisma/enums";
import { getViewer } from "@/server/services/orgs/resolve-actor";
import { listMembers, setMemberRole } from "@/server/services/orgs/members";
import { inviteMember } from "@/server/services/invitations/invite-member";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { replayInvitation } from "./invitations";
import { createTRPCRouter, orgProcedure } from "../trpc";

const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);

const memberSchema = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  since: z.date(),
});

export const orgRouter = createTRPCRouter({
  viewer: orgProcedure("org:read")
    .output(
      z.object({
        user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
        organization: z.object({ id: z.string(), name: z.string(), role: roleSchema }).nullable(),
        organizations: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
      }),
    )
    .query(({ ctx }) => getViewer(ctx.db, ctx.actor)),

  members: orgProcedure("members:read")
    .output(z.array(memberSchema))
    .query(({ ctx }) => listMembers(ctx.db, ctx.actor)),

  /** Adding someone is an invitation they accept; the answer never says whether the email has an account. */
  inviteMember: orgProcedure("members:manage")
    .input(z.object({ email: z.string().trim().max(320).email("Enter a valid email address"), role: roleSchema, ...withIdempotencyKey }))
    .output(z.object({ id: z.string(), link: z.string(), emailed: z.boolean() }))
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "org.inviteMember", input, (data) => inviteMember(ctx.db, ctx.actor, data), replayInvitation),
    ),

  setMemberRole: orgProcedure("members:manage")
    .input(z.object({ membershipId: z.string().min(1).max(64), role: roleSchema }))
    .output(z.object({ membershipId: z.string(), role: roleSchema }))
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.actor, input)),
});

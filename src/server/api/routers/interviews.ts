import { z } from "zod";
import { InterviewStatus, Role } from "@/generated/prisma/enums";
import { createInterview } from "@/server/services/interviews/create-interview";
import { getInterview } from "@/server/services/interviews/get-interview";
import { listInterviews } from "@/server/services/interviews/list-interviews";
import { listMyInterviews } from "@/server/services/interviews/my-interviews";
import { PANEL_MAX } from "@/server/services/interviews/panel-rules";
import { getSchedulingOptions } from "@/server/services/interviews/scheduling-options";
import { setInterviewPanel, updateInterview } from "@/server/services/interviews/update-interview";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

const interviewStatusSchema = z.enum(Object.values(InterviewStatus) as [InterviewStatus, ...InterviewStatus[]]);
const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);
const idSchema = z.string().min(1, "Id is required").max(64);
// Postgres stores dates JavaScript can't read back (years before 1 or after 275760), so interview dates are
// held to a range any real interview falls in.
const scheduledAtSchema = z
  .date("Pick a date")
  .min(new Date("2000-01-01T00:00:00Z"), "Choose a date in the year 2000 or later")
  .max(new Date("2100-01-01T00:00:00Z"), "Choose a date before the year 2100");
const locationSchema = z.string().trim().max(500, "Location must be at most 500 characters");
const panelSchema = z
  .array(idSchema)
  .min(1, "Add at least one panelist")
  .max(PANEL_MAX, `A panel can have at most ${PANEL_MAX} members`)
  .refine((ids) => new Set(ids).size === ids.length, "Each panelist can be chosen once");

const myRowSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  position: z.string(),
  scriptTitle: z.string(),
  scheduledAt: z.date(),
  location: z.string(),
  scorecardStatus: z.enum(["NOT_STARTED", "DRAFT", "SUBMITTED"]),
  overdue: z.boolean(),
});

export const interviewsRouter = createTRPCRouter({
  create: orgProcedure("interviews:write")
    .input(
      z.object({
        candidateId: z.string("Choose a candidate").min(1, "Choose a candidate").max(64),
        scriptVersionId: z.string("Choose a script").min(1, "Choose a script").max(64),
        scheduledAt: scheduledAtSchema,
        location: locationSchema.optional(),
        panelUserIds: panelSchema,
        ...withIdempotencyKey,
      }),
    )
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "interviews.create", input, (data) => createInterview(ctx.db, ctx.actor, data))),

  update: orgProcedure("interviews:write")
    .input(
      z.object({
        id: idSchema,
        scheduledAt: scheduledAtSchema.optional(),
        location: locationSchema.optional(),
        status: interviewStatusSchema.optional(),
      }),
    )
    .output(z.object({ id: z.string(), scheduledAt: z.date(), location: z.string(), status: interviewStatusSchema }))
    .mutation(({ ctx, input }) => updateInterview(ctx.db, ctx.actor, input)),

  setPanel: orgProcedure("interviews:write")
    .input(z.object({ id: idSchema, userIds: panelSchema }))
    .output(z.object({ id: z.string(), userIds: z.array(z.string()) }))
    .mutation(({ ctx, input }) => setInterviewPanel(ctx.db, ctx.actor, input)),

  /** Panelists see their own interviews; roles that read candidates see all. The service decides. */
  get: orgProcedure("org:read")
    .input(z.object({ id: idSchema }))
    .output(
      z.object({
        id: z.string(),
        scheduledAt: z.date(),
        location: z.string(),
        status: interviewStatusSchema,
        candidate: z.object({
          id: z.string(),
          name: z.string(),
          position: z.string(),
          email: z.string().nullable(),
          phone: z.string().nullable(),
        }),
        script: z.object({
          id: z.string(),
          title: z.string(),
          version: z.number().int(),
          versionId: z.string(),
          plannedMinutes: z.number().int(),
        }),
        panel: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
        isPanelist: z.boolean(),
        canManage: z.boolean(),
        invitations: z.array(
          z.object({
            id: z.string(),
            email: z.string(),
            expiresAt: z.date(),
            acceptedAt: z.date().nullable(),
            revokedAt: z.date().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getInterview(ctx.db, ctx.actor, input)),

  list: orgProcedure("candidates:read")
    .input(
      z
        .object({
          from: z.date().optional(),
          to: z.date().optional(),
          status: interviewStatusSchema.optional(),
          candidateId: idSchema.optional(),
        })
        .default({}),
    )
    .output(
      z.array(
        z.object({
          id: z.string(),
          scheduledAt: z.date(),
          status: interviewStatusSchema,
          candidateName: z.string(),
          position: z.string(),
          scriptTitle: z.string(),
          panelCount: z.number().int(),
          submittedCount: z.number().int(),
        }),
      ),
    )
    .query(({ ctx, input }) => listInterviews(ctx.db, ctx.actor, input)),

  mine: orgProcedure("org:read")
    .output(z.object({ upcoming: z.array(myRowSchema), toScore: z.array(myRowSchema), submitted: z.array(myRowSchema) }))
    .query(({ ctx }) => listMyInterviews(ctx.db, ctx.actor)),

  schedulingOptions: orgProcedure("interviews:write")
    .output(
      z.object({
        candidates: z.array(z.object({ id: z.string(), name: z.string(), position: z.string() })),
        scripts: z.array(
          z.object({ scriptId: z.string(), title: z.string(), role: z.string(), versionId: z.string(), version: z.number().int() }),
        ),
        members: z.array(z.object({ userId: z.string(), name: z.string(), role: roleSchema })),
      }),
    )
    .query(({ ctx }) => getSchedulingOptions(ctx.db, ctx.actor)),
});

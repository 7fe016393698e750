import { z } from "zod";
import { CandidateStatus } from "@/generated/prisma/enums";
import { createCandidate } from "@/server/services/candidates/create-candidate";
import { getCandidate } from "@/server/services/candidates/get-candidate";
import { listCandidatePositions, listCandidates } from "@/server/services/candidates/list-candidates";
import { updateCandidate } from "@/server/services/candidates/update-candidate";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const candidateStatusSchema = z.enum(Object.values(CandidateStatus) as [CandidateStatus, ...CandidateStatus[]]);
const idSchema = z.string().min(1, "Id is required").max(64);
const nameSchema = z.string().trim().min(1, "Enter the candidate's name").max(120, "Name must be at most 120 characters");
const positionSchema = z
  .string()
  .trim()
  .min(1, "Enter the position they are interviewing for")
  .max(120, "Position must be at most 120 characters");
// Blank means "none": forms send what the field holds.
const emailSchema = z
  .string()
  .trim()
  .max(320, "Email must be at most 320 characters")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address")
  .nullable();
const phoneSchema = z
  .string()
  .trim()
  .max(40, "Phone must be at most 40 characters")
  .regex(/^[0-9+()\-. ]*$/, "Phone may hold digits, spaces and + ( ) - . only")
  .nullable();
const notesSchema = z.string().max(5000, "Notes must be at most 5000 characters");

const interviewRowSchema = z.object({
  id: z.string(),
  scheduledAt: z.date(),
  status: z.string(),
  scriptTitle: z.string(),
  scriptVersion: z.number().int(),
  panelCount: z.number().int(),
});

export const candidatesRouter = createTRPCRouter({
  list: orgProcedure("candidates:read")
    .input(
      z
        .object({
          query: z.string().max(200, "Search text must be at most 200 characters").optional(),
          position: z.string().max(120).optional(),
          status: candidateStatusSchema.optional(),
        })
        .default({}),
    )
    .output(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          position: z.string(),
          status: candidateStatusSchema,
          email: z.string().nullable(),
          phone: z.string().nullable(),
          decidedAt: z.date().nullable(),
          updatedAt: z.date(),
          interviewCount: z.number().int(),
        }),
      ),
    )
    .query(({ ctx, input }) => listCandidates(ctx.db, ctx.actor, input)),

  positions: orgProcedure("candidates:read")
    .output(z.array(z.string()))
    .query(({ ctx }) => listCandidatePositions(ctx.db, ctx.actor)),

  get: orgProcedure("candidates:read")
    .input(z.object({ id: idSchema }))
    .output(
      z.object({
        id: z.string(),
        name: z.string(),
        position: z.string(),
        status: candidateStatusSchema,
        email: z.string().nullable(),
        phone: z.string().nullable(),
        notes: z.string().nullable(),
        decidedAt: z.date().nullable(),
        anonymizedAt: z.date().nullable(),
        createdAt: z.date(),
        updatedAt: z.date(),
        canEdit: z.boolean(),
        interviews: z.array(interviewRowSchema),
      }),
    )
    .query(({ ctx, input }) => getCandidate(ctx.db, ctx.actor, input)),

  create: orgProcedure("candidates:write")
    .input(
      z.object({
        name: nameSchema,
        email: emailSchema.optional(),
        phone: phoneSchema.optional(),
        position: positionSchema,
        notes: notesSchema.optional(),
        ...withIdempotencyKey,
      }),
    )
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "candidates.create", input, (data) => createCandidate(ctx.db, ctx.actor, data))),

  update: orgProcedure("candidates:write")
    .input(
      z.object({
        id: idSchema,
        name: nameSchema.optional(),
        email: emailSchema.optional(),
        phone: phoneSchema.optional(),
        position: positionSchema.optional(),
        notes: notesSchema.optional(),
        status: candidateStatusSchema.optional(),
      }),
    )
    .output(z.object({ id: z.string(), status: candidateStatusSchema, decidedAt: z.date().nullable(), updatedAt: z.date() }))
    .mutation(({ ctx, input }) => updateCandidate(ctx.db, ctx.actor, input)),
});

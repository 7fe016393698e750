// Panelists' scorecards: the scoring screen, per-cell saves, submission, amendments, and what each role may
// see of an interview's scorecards (independence is enforced in the services, for every role).
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Recommendation, ScorecardStatus } from "@/generated/prisma/enums";
import { AppError } from "@/server/errors";
import { amendScorecard } from "@/server/services/scorecards/amend-scorecard";
import { getMyScorecard } from "@/server/services/scorecards/get-my-scorecard";
import { getPanelProgress } from "@/server/services/scorecards/get-panel-progress";
import { listInterviewScorecards } from "@/server/services/scorecards/list-interview-scorecards";
import { saveNote } from "@/server/services/scorecards/save-note";
import { saveRating } from "@/server/services/scorecards/save-rating";
import { submitScorecard } from "@/server/services/scorecards/submit-scorecard";
import { watchPanelProgress } from "@/server/services/scorecards/watch-panel-progress";
import { createTRPCRouter, orgProcedure, orgStatementProcedure } from "../trpc";

const idSchema = z.string().min(1, "Id is required").max(64);
const interviewInputSchema = z.object({ interviewId: idSchema });
const recommendationSchema = z.enum(Object.values(Recommendation) as [Recommendation, ...Recommendation[]]);
const statusSchema = z.enum(Object.values(ScorecardStatus) as [ScorecardStatus, ...ScorecardStatus[]]);
const scoreSchema = z
  .number()
  .int("A score is a whole number from 1 to 4")
  .min(1, "A score is a whole number from 1 to 4")
  .max(4, "A score is a whole number from 1 to 4")
  .nullable();
const baseVersionSchema = z.number().int().min(0, "The version you started from is unknown; reload");
const noteBodySchema = z.string().max(10_000, "Notes must be at most 10000 characters");
const summarySchema = z
  .string()
  .trim()
  .min(1, "Write a short summary of your decision")
  .max(5000, "The summary must be at most 5000 characters");

/** A cell marked not assessed carries no score. */
const notAssessedHasNoScore = (r: { score: number | null; notAssessed: boolean }, ctx: z.RefinementCtx) => {
  if (r.notAssessed && r.score !== null) {
    ctx.addIssue({ code: "custom", message: "A competency marked not assessed has no score", path: ["score"] });
  }
};

const ratingCellFields = { itemId: idSchema, competencyId: idSchema, score: scoreSchema, notAssessed: z.boolean() };
const ratingCellSchema = z.object(ratingCellFields).superRefine(notAssessedHasNoScore);

const amendmentSchema = z.object({
  at: z.date(),
  actorName: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const competencyOutputSchema = z.object({ id: z.string(), name: z.string() });

const progressSchema = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    state: z.enum(["NOT_STARTED", "IN_PROGRESS", "SUBMITTED"]),
  }),
);

const savedSchema = z.object({
  status: z.literal("saved"),
  version: z.number().int(),
  scorecardVersion: z.number().int(),
});

/** Flags every entry whose key repeats an earlier one. */
const noRepeats =
  <T>(keyOf: (entry: T) => string, message: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const key = keyOf(entry);
      if (seen.has(key)) ctx.addIssue({ code: "custom", message, path: [index] });
      seen.add(key);
    });
  };

export const scorecardsRouter = createTRPCRouter({
  mine: orgProcedure("org:read")
    .input(interviewInputSchema)
    .output(
      z.object({
        id: z.string(),
        status: statusSchema,
        version: z.number().int(),
        recommendation: recommendationSchema.nullable(),
        summary: z.string(),
        submittedAt: z.date().nullable(),
        interview: z.object({
          id: z.string(),
          candidateName: z.string(),
          position: z.string(),
          scheduledAt: z.date(),
          scriptTitle: z.string(),
          instructions: z.string(),
          plannedMinutes: z.number().int(),
        }),
        items: z.array(
          z.object({
            itemId: z.string(),
            number: z.number().int(),
            sectionTitle: z.string(),
            text: z.string(),
            minutes: z.number().int(),
            goodAnswer: z.string(),
            probes: z.array(z.string()),
            required: z.boolean(),
            competencies: z.array(
              competencyOutputSchema.extend({
                anchors: z.array(z.object({ level: z.number().int(), description: z.string() })),
              }),
            ),
            ratings: z.array(
              z.object({
                competencyId: z.string(),
                score: z.number().int().nullable(),
                notAssessed: z.boolean(),
                version: z.number().int(),
              }),
            ),
            note: z.object({ body: z.string(), version: z.number().int() }).nullable(),
          }),
        ),
        amendments: z.array(amendmentSchema),
      }),
    )
    .query(({ ctx, input }) => getMyScorecard(ctx.db, ctx.actor, input)),

  saveRating: orgStatementProcedure("org:read")
    .input(
      z
        .object({ ...ratingCellFields, scorecardId: idSchema, baseVersion: baseVersionSchema })
        .superRefine(notAssessedHasNoScore),
    )
    .output(
      z.discriminatedUnion("status", [
        savedSchema,
        z.object({
          status: z.literal("conflict"),
          server: z.object({ score: z.number().int().nullable(), notAssessed: z.boolean(), version: z.number().int() }),
        }),
      ]),
    )
    .mutation(({ ctx, input }) => saveRating(ctx.db, ctx.member, ctx.requireActor, input)),

  saveNote: orgStatementProcedure("org:read")
    .input(z.object({ scorecardId: idSchema, itemId: idSchema, body: noteBodySchema, baseVersion: baseVersionSchema }))
    .output(
      z.discriminatedUnion("status", [
        savedSchema,
        z.object({ status: z.literal("conflict"), server: z.object({ body: z.string(), version: z.number().int() }) }),
      ]),
    )
    .mutation(({ ctx, input }) => saveNote(ctx.db, ctx.member, ctx.requireActor, input)),

  submit: orgProcedure("org:read")
    .input(z.object({ scorecardId: idSchema, recommendation: recommendationSchema, summary: summarySchema }))
    .output(z.object({ submittedAt: z.date() }))
    .mutation(({ ctx, input }) => submitScorecard(ctx.db, ctx.actor, input)),

  amend: orgProcedure("org:read")
    .input(
      z.object({
        scorecardId: idSchema,
        reason: z
          .string()
          .trim()
          .min(10, "Give a reason for the amendment (at least 10 characters)")
          .max(2000, "The reason must be at most 2000 characters"),
        ratings: z
          .array(ratingCellSchema)
          .max(300)
          .superRefine(noRepeats((r) => `${r.itemId}/${r.competencyId}`, "This rating is listed twice"))
          .optional(),
        notes: z
          .array(z.object({ itemId: idSchema, body: noteBodySchema }))
          .max(100)
          .superRefine(noRepeats((n) => n.itemId, "This question's notes are listed twice"))
          .optional(),
        recommendation: recommendationSchema.optional(),
        summary: summarySchema.optional(),
      }),
    )
    .output(z.object({ amendedAt: z.date() }))
    .mutation(({ ctx, input }) => amendScorecard(ctx.db, ctx.actor, input)),

  forInterview: orgProcedure("org:read")
    .input(interviewInputSchema)
    .output(
      z.object({
        scorecards: z.array(
          z.object({
            id: z.string(),
            panelist: z.object({ id: z.string(), name: z.string() }),
            status: statusSchema,
            recommendation: recommendationSchema.nullable(),
            summary: z.string(),
            submittedAt: z.date().nullable(),
            ratings: z.array(
              z.object({
                itemId: z.string(),
                competencyId: z.string(),
                score: z.number().int().nullable(),
                notAssessed: z.boolean(),
              }),
            ),
            notes: z.array(z.object({ itemId: z.string(), body: z.string() })),
            amendments: z.array(amendmentSchema),
          }),
        ),
        hiddenCount: z.number().int(),
        hiddenReason: z.string().nullable(),
        items: z.array(
          z.object({
            itemId: z.string(),
            number: z.number().int(),
            text: z.string(),
            required: z.boolean(),
            competencies: z.array(competencyOutputSchema),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listInterviewScorecards(ctx.db, ctx.actor, input)),

  progress: orgProcedure("org:read")
    .input(interviewInputSchema)
    .output(progressSchema)
    .query(({ ctx, input }) => getPanelProgress(ctx.db, ctx.actor, input)),

  /** Server-sent events: the progress now, then after every change. Same visibility as `progress`. */
  onProgress: orgProcedure("org:read")
    .input(interviewInputSchema)
    .subscription(async function* ({ ctx, input, signal }) {
      try {
        yield* watchPanelProgress(ctx.db, ctx.actor, input, signal);
      } catch (error) {
        // Errors thrown while streaming bypass the error-mapping middleware: map domain errors here.
        if (error instanceof AppError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
        throw error;
      }
    }),
});

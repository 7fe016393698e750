// Insights: comparing candidates by competency, one candidate's panel results, and panel calibration.
// Only submitted scorecards count. Blind review swaps names for stable labels ("Candidate A").
import { z } from "zod";
import { CandidateStatus, Recommendation } from "@/generated/prisma/enums";
import { loadComparison } from "@/server/services/insights/compare-candidates";
import { getCalibration } from "@/server/services/insights/get-calibration";
import { getCandidateSummary } from "@/server/services/insights/get-candidate-summary";
import { listInsightScopes } from "@/server/services/insights/list-insight-scopes";
import { asPlainJsonResult } from "../transformer";
import { createTRPCRouter, orgProcedure } from "../trpc";

const idSchema = z.string().min(1, "Id is required").max(64);
const candidateStatusSchema = z.enum(Object.values(CandidateStatus) as [CandidateStatus, ...CandidateStatus[]]);
const recommendationSchema = z.enum(Object.values(Recommendation) as [Recommendation, ...Recommendation[]]);

/** Filters shared by compare and the CSV exports. `to` is exclusive. */
export const insightFiltersSchema = z
  .object({
    position: z.string().trim().min(1).max(120).optional(),
    scriptId: idSchema.optional(),
    candidateIds: z.array(idSchema).max(500, "Compare at most 500 candidates at once").optional(),
    status: candidateStatusSchema.optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    interviewerId: idSchema.optional(),
    blind: z.boolean(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be before the end date", path: ["to"] });

const recommendationsSchema = z.object({
  STRONG_NO: z.number().int(),
  NO: z.number().int(),
  YES: z.number().int(),
  STRONG_YES: z.number().int(),
});

const alphaFields = {
  alpha: z.number().nullable(),
  reading: z.enum(["reliable", "tentative", "unreliable", "not enough data"]),
  text: z.string(),
  pairableValues: z.number().int(),
};

/** Scorecards the figures leave out for this viewer (a panel they sit on and have not submitted for), and why. */
const withheldSchema = z.object({ scorecards: z.number().int(), reason: z.string().nullable() });

export const insightsRouter = createTRPCRouter({
  scopes: orgProcedure("insights:read")
    .output(
      z.object({
        positions: z.array(z.string()),
        scripts: z.array(z.object({ id: z.string(), title: z.string(), role: z.string() })),
        interviewers: z.array(z.object({ userId: z.string(), name: z.string() })),
      }),
    )
    .query(({ ctx }) => listInsightScopes(ctx.db, ctx.actor)),

  // Sent as ComparisonWire (the aggregates as the database wrote them; clients read it with
  // expandComparison from @/lib/insights/comparison-wire). No .output() schema here: the result is typed,
  // and checking and copying 2,000 candidates' arrays was a measurable share of the endpoint's time at the
  // benchmark's size. For the same reason it is vouched for as plain JSON (strings and integers from SQL),
  // so the transformer does not walk it again.
  compare: orgProcedure("insights:read")
    .input(insightFiltersSchema)
    .query(async ({ ctx, input }) => asPlainJsonResult(await loadComparison(ctx.db, ctx.actor, input))),

  candidateSummary: orgProcedure("insights:read")
    .input(z.object({ candidateId: idSchema, blind: z.boolean() }))
    .output(
      z.object({
        candidate: z.object({
          id: z.string(),
          label: z.string(),
          position: z.string(),
          status: candidateStatusSchema,
          email: z.string().nullable(),
          phone: z.string().nullable(),
        }),
        competencies: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            weight: z.number().nullable(),
            mean: z.number().nullable(),
            n: z.number().int(),
            notAssessed: z.number().int(),
            min: z.number().nullable(),
            max: z.number().nullable(),
            sd: z.number().nullable(),
          }),
        ),
        weightedScore: z.number().nullable(),
        recommendations: recommendationsSchema,
        scorecards: z.array(
          z.object({
            id: z.string(),
            interviewId: z.string(),
            panelistId: z.string(),
            panelistName: z.string(),
            recommendation: recommendationSchema.nullable(),
            summary: z.string(),
            submittedAt: z.date().nullable(),
          }),
        ),
        questions: z.array(
          z.object({
            interviewId: z.string(),
            interviewDate: z.date(),
            itemId: z.string(),
            number: z.number().int(),
            text: z.string(),
            competencies: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                ratings: z.array(
                  z.object({
                    panelistId: z.string(),
                    panelistName: z.string(),
                    score: z.number().int().nullable(),
                    notAssessed: z.boolean(),
                  }),
                ),
                spread: z.number().int().nullable(),
                disagreement: z.boolean(),
              }),
            ),
            notes: z.array(z.object({ panelistName: z.string(), body: z.string() })),
          }),
        ),
        disagreements: z.number().int(),
        withheld: withheldSchema,
      }),
    )
    .query(({ ctx, input }) => getCandidateSummary(ctx.db, ctx.actor, input)),

  calibration: orgProcedure("org:read")
    .input(
      z
        .object({
          scriptId: idSchema.optional(),
          position: z.string().trim().min(1).max(120).optional(),
          from: z.date().optional(),
          to: z.date().optional(),
        })
        .default({}),
    )
    .output(
      z.object({
        panelists: z.array(
          z.object({
            userId: z.string(),
            name: z.string(),
            scorecards: z.number().int(),
            meanRating: z.number().nullable(),
            leniencyOffset: z.number().nullable(),
            offsetComparisons: z.number().int(),
            distribution: z.object({
              "1": z.number().int(),
              "2": z.number().int(),
              "3": z.number().int(),
              "4": z.number().int(),
              notAssessed: z.number().int(),
            }),
            medianHoursToSubmit: z.number().nullable(),
            submittedAfter24h: z.number().int(),
          }),
        ),
        competencies: z.array(z.object({ id: z.string(), name: z.string(), ...alphaFields, ratings: z.number().int() })),
        overall: z.object(alphaFields),
        withheld: withheldSchema,
      }),
    )
    .query(({ ctx, input }) => getCalibration(ctx.db, ctx.actor, input)),
});

// Insights: comparing candidates by competency, one candidate's panel results, and panel calibration.
// Zod only. Only submitted scorecards count; blind review swaps names for stable labels ("Candidate A").
import { z } from "./zod";
import { candidateStatusSchema, idSchema, recommendationSchema } from "./common";

const positionFilterSchema = z.string().trim().min(1).max(120).optional();

/** Filters shared by compare and the CSV exports (the export routes parse their query string with it). `to` is exclusive. */
export const insightFiltersSchema = z
  .object({
    position: positionFilterSchema,
    scriptId: idSchema.optional(),
    candidateIds: z.array(idSchema).max(500, "Compare at most 500 candidates at once").optional(),
    status: candidateStatusSchema.optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    interviewerId: idSchema.optional(),
    blind: z.boolean(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be before the end date", path: ["to"] });
export type InsightFiltersInput = z.output<typeof insightFiltersSchema>;

export const insightScopesSchema = z.object({
  positions: z.array(z.string()),
  scripts: z.array(z.object({ id: z.string(), title: z.string(), role: z.string() })),
  interviewers: z.array(z.object({ userId: z.string(), name: z.string() })),
});

export const candidateSummaryInputSchema = z.object({ candidateId: idSchema, blind: z.boolean() });
export type CandidateSummaryInput = z.output<typeof candidateSummaryInputSchema>;

const recommendationsSchema = z.object({
  STRONG_NO: z.number().int(),
  NO: z.number().int(),
  YES: z.number().int(),
  STRONG_YES: z.number().int(),
});

/** Scorecards the figures leave out for this viewer (a panel they sit on and have not submitted for), and why. */
const withheldSchema = z.object({ scorecards: z.number().int(), reason: z.string().nullable() });

/**
 * Allow-list for personal data: contact details (null in blind review), panelists' ratings, summaries and
 * evidence notes, as the independence rule lets this viewer see them; nothing else the service reads.
 */
export const candidateSummarySchema = z.object({
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
});

export const calibrationInputSchema = z
  .object({
    scriptId: idSchema.optional(),
    position: positionFilterSchema,
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .default({});
export type CalibrationFiltersInput = z.output<typeof calibrationInputSchema>;

const alphaFields = {
  alpha: z.number().nullable(),
  reading: z.enum(["reliable", "tentative", "unreliable", "not enough data"]),
  text: z.string(),
  pairableValues: z.number().int(),
};

/** Allow-list for ratings: per panelist only counts, means and timings, never a single rating or note. */
export const calibrationSchema = z.object({
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
});

// Insights: comparing candidates by competency, one candidate's panel results, panel calibration and how
// hiring decisions relate to the formula. Zod only. Only submitted scorecards count; blind review swaps
// names for stable labels ("Candidate A").
import { z } from "./zod";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { candidateStatusSchema, idSchema, recommendationSchema, vacancyStatusSchema } from "./common";
import { alphaIntervalSchema, panelistTrainingSchema } from "./readiness";

export const decisionOutcomeSchema = z.enum(DecisionOutcome);

/**
 * Filters shared by compare and the CSV exports (the export routes parse their query string with it). `to`
 * is exclusive. `stageId`: only candidates with submitted scorecards from interviews at that stage, with
 * figures from those interviews alone.
 */
export const insightFiltersSchema = z
  .object({
    vacancyId: idSchema.optional(),
    stageId: idSchema.optional(),
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

/** What a viewer may compare: vacancies (by title, with their stages in plan order), scripts and panelists. */
export const insightScopesSchema = z.object({
  vacancies: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: vacancyStatusSchema,
      stages: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
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
    vacancy: z.string(),
    stage: z.string().nullable(),
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
      /** Assisted scoring (issue 23): a supporter entered the ratings, named here. */
      assisted: z.boolean(),
      supporterName: z.string().nullable(),
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
    vacancyId: idSchema.optional(),
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
      training: panelistTrainingSchema,
    }),
  ),
  competencies: z.array(z.object({ id: z.string(), name: z.string(), ...alphaFields, ratings: z.number().int(), interval: alphaIntervalSchema })),
  overall: z.object({ ...alphaFields, interval: alphaIntervalSchema }),
  withheld: withheldSchema,
});

// ---- Decisions against the formula ------------------------------------------------------------------

/** How often decisions depart from the mechanical order, and how long they take after the last scorecard. */
const decisionFiguresSchema = z.object({
  decisions: z.number().int(),
  overrides: z.number().int(),
  /** overrides / decisions; null without decisions. */
  overrideRate: z.number().nullable(),
  /** Median hours from the stage's last submitted scorecard (before the decision) to the decision. */
  medianHoursToDecision: z.number().nullable(),
});

/** A stage of a closed or filled vacancy: candidates who reached it, were advanced from it, were appointed at it. */
export const stageConversionSchema = z.object({
  stageId: z.string(),
  name: z.string(),
  reached: z.number().int(),
  advanced: z.number().int(),
  appointed: z.number().int(),
});

export const decisionInsightsSchema = z.object({
  /** Per member who recorded decisions (the debriefs' chairs). */
  deciders: z.array(decisionFiguresSchema.extend({ userId: z.string().nullable(), name: z.string() })),
  vacancies: z.array(
    decisionFiguresSchema.extend({
      vacancyId: z.string(),
      title: z.string(),
      status: vacancyStatusSchema,
      managers: z.array(z.string()),
      /** Stage by stage, for closed and filled vacancies only (null while a vacancy is open or on hold). */
      conversion: z.array(stageConversionSchema).nullable(),
    }),
  ),
});
export type DecisionInsights = z.output<typeof decisionInsightsSchema>;

// The public REST API (/api/v1): every request and response body, built from the same domain schemas as the
// tRPC procedures (picked, never retyped), so the API, the app and the OpenAPI document cannot drift.
// Request dates travel as ISO 8601 strings and are checked by the domain's own date rule after parsing;
// response dates are written by JSON.stringify as ISO strings (the OpenAPI document says so).
import { z } from "./zod";
import { API_SCOPES } from "@/lib/api-scopes";
import { candidateContactSchema, candidateDetailsSchema, candidateFieldsSchema, candidateSchema } from "./candidates";
import { candidateStatusSchema, idSchema, interviewStatusSchema, recommendationSchema } from "./common";
import { decisionOutcomeSchema } from "./insights";
import { createInterviewInput, interviewListRowSchema, interviewOutput, locationSchema, panelSchema, scheduledAtSchema, setPanelInput, updateInterviewInput } from "./interviews";
import { vacancyPageSchema, vacancySchema } from "./vacancies";

// ---- Shared pieces ----------------------------------------------------------------------------------

/** An ISO 8601 date-time with a time zone, read into the domain's own date rule. */
const isoDate = (rule: z.ZodType<Date, Date>) => z.iso.datetime({ offset: true }).transform((v) => new Date(v)).pipe(rule);

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Items per page, at most 100." }),
  cursor: z.string().max(500).optional().meta({ description: "The next_cursor of the previous page." }),
});

export const updatedSinceSchema = z.object({
  updated_since: isoDate(z.date()).optional().meta({ description: "Only items changed at or after this time (for sync)." }),
});

export const idParamSchema = z.object({ id: idSchema });

/** One page of a list, oldest change first; `next_cursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}

/** RFC 9457 problem details, the body of every error. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string().meta({ description: "In the language of Accept-Language (English or Spanish; English otherwise), as Content-Language says." }),
    status: z.number().int(),
    detail: z.string().meta({ description: "In the same language as title." }),
    instance: z.string().optional(),
    /** For validation errors: each field at fault (dotted path) with its message. */
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** For 403 on a missing scope: the scope the key needs. */
    required_scope: z.enum(API_SCOPES).optional(),
  })
  .meta({ id: "Problem" });

// ---- Vacancies --------------------------------------------------------------------------------------

export const apiVacancySchema = vacancySchema
  .pick({ id: true, title: true, department: true, location: true, posts: true, status: true, opensOn: true, closesOn: true, updatedAt: true, counts: true })
  .meta({ id: "Vacancy" });
export const apiVacancyDetailsSchema = apiVacancySchema.extend(vacancyPageSchema.pick({ stages: true }).shape).meta({ id: "VacancyDetails" });

// ---- Candidates -------------------------------------------------------------------------------------

/** Contact fields are null unless the key's creator may see candidates' contact data (as in the app). */
export const apiCandidateSchema = candidateDetailsSchema.meta({ id: "Candidate" });
export const apiCandidateRowSchema = candidateSchema.extend(candidateContactSchema.omit({ notes: true }).shape).meta({ id: "CandidateRow" });

export const listCandidatesQuery = pageQuerySchema.extend(updatedSinceSchema.shape).extend({
  vacancy_id: idSchema.optional(),
  status: candidateStatusSchema.optional(),
});

export const apiCreateCandidateBody = candidateFieldsSchema.extend({ vacancyId: idSchema }).strict().meta({ id: "CandidateCreate" });
export const apiUpdateCandidateBody = candidateFieldsSchema.partial().extend({ status: candidateStatusSchema.optional() }).strict().meta({ id: "CandidateUpdate" });

// ---- Interviews -------------------------------------------------------------------------------------

export const apiInterviewSchema = interviewOutput
  .pick({ id: true, scheduledAt: true, location: true, status: true, stage: true })
  .extend({
    candidateId: z.string(),
    script: interviewOutput.shape.script.pick({ id: true, title: true, version: true }),
    panel: z.array(interviewOutput.shape.panel.element.pick({ userId: true, name: true, shadow: true })),
  })
  .meta({ id: "Interview" });
export const apiInterviewRowSchema = interviewListRowSchema.extend({ candidateId: idSchema, updatedAt: z.date() }).meta({ id: "InterviewRow" });

export const listInterviewsQuery = pageQuerySchema.extend(updatedSinceSchema.shape).extend({
  candidate_id: idSchema.optional(),
  status: interviewStatusSchema.optional(),
  from: isoDate(z.date()).optional(),
  to: isoDate(z.date()).optional(),
});

export const apiCreateInterviewBody = createInterviewInput
  .extend({ scheduledAt: isoDate(scheduledAtSchema), location: locationSchema.optional(), panelUserIds: panelSchema.optional() })
  .strict()
  .meta({ id: "InterviewCreate" });
/** Reschedule (scheduledAt, location) or cancel (status CANCELLED). */
export const apiUpdateInterviewBody = updateInterviewInput
  // The app's form sends baseUpdatedAt; the API's caller sends If-Match.
  .omit({ id: true, baseUpdatedAt: true })
  .extend({ scheduledAt: isoDate(scheduledAtSchema).optional() })
  .strict()
  .meta({ id: "InterviewUpdate" });
/** The whole panel: add or remove panelists by sending the panel you want. */
export const apiSetPanelBody = z
  .object({ userIds: panelSchema, shadowUserIds: setPanelInput.shape.shadowUserIds })
  .strict()
  .meta({ id: "PanelUpdate" });

// ---- Scorecards, decisions, comparison ----------------------------------------------------------------

export const apiRatingSchema = z.object({
  itemId: z.string(),
  competencyId: z.string(),
  competency: z.string(),
  score: z.number().int().nullable(),
  notAssessed: z.boolean(),
});

/** A submitted scorecard. `summary` and `notes` only for keys with scorecards:notes (otherwise absent). */
export const apiScorecardSchema = z
  .object({
    id: z.string(),
    interviewId: z.string(),
    candidateId: z.string(),
    panelistId: z.string(),
    panelistName: z.string(),
    recommendation: recommendationSchema.nullable(),
    version: z.number().int(),
    submittedAt: z.date(),
    updatedAt: z.date(),
    ratings: z.array(apiRatingSchema),
    /** Assisted scoring (issue 23): a supporter entered the ratings on the panelist's behalf; the supporter's own views are never a rating. */
    assisted: z.boolean(),
    supporterName: z.string().nullable(),
    summary: z.string().optional(),
    notes: z.array(z.object({ itemId: z.string(), body: z.string() })).optional(),
  })
  .meta({ id: "Scorecard" });

const blindParam = z.enum(["true", "false"]).default("false");

export const listScorecardsQuery = pageQuerySchema.extend(updatedSinceSchema.shape).extend({
  blind: blindParam.meta({ description: "Blind review: the candidate's name and contact data in summaries and notes replaced by their label (\"Candidate A\"), as in the app." }),
});

export const apiDecisionSchema = z
  .object({
    id: z.string(),
    candidateId: z.string(),
    stageId: z.string(),
    outcome: decisionOutcomeSchema,
    nextStageId: z.string().nullable(),
    /** The reasons recorded with the decision. */
    rationale: z.string(),
    isOverride: z.boolean(),
    overrideJustification: z.string().nullable(),
    weightedScore: z.number().nullable(),
    decidedAt: z.date(),
  })
  .meta({ id: "Decision" });

export const listDecisionsQuery = pageQuerySchema.extend(updatedSinceSchema.shape);

export const comparisonQuery = z.object({
  blind: blindParam.meta({ description: "Blind review: candidates labelled \"Candidate A\"… instead of named, as in the app." }),
  stage_id: idSchema.optional(),
});

const recommendationCounts = z.object({ STRONG_NO: z.number().int(), NO: z.number().int(), YES: z.number().int(), STRONG_YES: z.number().int() });

export const apiComparisonSchema = z
  .object({
    competencies: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number().nullable() })),
    rows: z.array(
      z.object({
        candidateId: z.string(),
        label: z.string(),
        vacancyId: z.string(),
        vacancy: z.string(),
        status: candidateStatusSchema,
        outcome: decisionOutcomeSchema.nullable(),
        outcomeStage: z.string().nullable(),
        interviews: z.number().int(),
        scorecards: z.number().int(),
        weightedScore: z.number().nullable(),
        sums: z.array(z.number()),
        counts: z.array(z.number()),
        notAssessed: z.array(z.number()),
        recommendations: recommendationCounts,
      }),
    ),
    withheld: z.object({ scorecards: z.number().int(), candidateIds: z.array(z.string()), reason: z.string().nullable() }),
  })
  .meta({ id: "Comparison" });

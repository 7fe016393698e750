// Panelists' scorecards: the scoring screen, per-cell saves, submission, amendments, what each role may see
// of an interview's scorecards, and panel progress. Every input and output of the scorecards procedures.
// Zod only. The scoring page loads this module only when a form is sent (its first-load JavaScript has a
// ceiling), never at first paint.
import { z } from "./zod";
import { idSchema, recommendationSchema, scorecardStatusSchema } from "./common";
import { practiceFiguresSchema } from "./training";

export const SCORE_MESSAGE = "A score is a whole number from 1 to 4";
export const NOTE_MAX = 10_000;
export const SUMMARY_MAX = 5000;

const scoreSchema = z.number().int(SCORE_MESSAGE).min(1, SCORE_MESSAGE).max(4, SCORE_MESSAGE).nullable();
const baseVersionSchema = z.number().int().min(0, "The version you started from is unknown; reload");
export const noteBodySchema = z.string().max(NOTE_MAX, `Notes must be at most ${NOTE_MAX} characters`);
export const summarySchema = z
  .string()
  .trim()
  .min(1, "Write a short summary of your decision")
  .max(SUMMARY_MAX, `The summary must be at most ${SUMMARY_MAX} characters`);
export const amendmentReasonSchema = z
  .string()
  .trim()
  .min(10, "Give a reason for the amendment (at least 10 characters)")
  .max(2000, "The reason must be at most 2000 characters");

/** A cell marked not assessed carries no score. */
const notAssessedHasNoScore = (r: { score: number | null; notAssessed: boolean }, ctx: z.RefinementCtx) => {
  if (r.notAssessed && r.score !== null) {
    ctx.addIssue({ code: "custom", message: "A competency marked not assessed has no score", path: ["score"] });
  }
};

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

const ratingCellFields = { itemId: idSchema, competencyId: idSchema, score: scoreSchema, notAssessed: z.boolean() };
const ratingCellSchema = z.object(ratingCellFields).superRefine(notAssessedHasNoScore);
export type RatingCell = z.output<typeof ratingCellSchema>;
const noteCellSchema = z.object({ itemId: idSchema, body: noteBodySchema });
export type NoteCell = z.output<typeof noteCellSchema>;

export const interviewScorecardsInput = z.object({ interviewId: idSchema });
export type InterviewScorecardsInput = z.output<typeof interviewScorecardsInput>;

const amendmentSchema = z.object({
  at: z.date(),
  actorName: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type Amendment = z.output<typeof amendmentSchema>;

const competencyOutputSchema = z.object({ id: z.string(), name: z.string() });
/** Texts in other languages, by locale then field (src/lib/localized-text.ts). */
const translationsSchema = z.record(z.string(), z.record(z.string(), z.string()));

// ---- The scoring screen -------------------------------------------------------------------------------

/** Allow-list: the panelist's own ratings and notes, nobody else's. */
export const myScorecardOutput = z.object({
  id: z.string(),
  status: scorecardStatusSchema,
  version: z.number().int(),
  recommendation: recommendationSchema.nullable(),
  summary: z.string(),
  submittedAt: z.date().nullable(),
  /** Written from a shadow's seat: scored to learn, compared with the panel afterwards, never counted. */
  shadow: z.boolean(),
  interview: z.object({
    id: z.string(),
    candidateName: z.string(),
    vacancyTitle: z.string(),
    stageName: z.string().nullable(),
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
      /** The question in other languages (by locale); the screen shows the reader's, else the English text. */
      translations: translationsSchema,
      competencies: z.array(
        competencyOutputSchema.extend({
          translations: translationsSchema,
          anchors: z.array(
            z.object({
              level: z.number().int(),
              description: z.string(),
              /** The level in easy-read language; empty when none is curated (the description is shown). */
              easyRead: z.string(),
              translations: translationsSchema,
            }),
          ),
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
  /**
   * Whether the screen opens in easy-read mode: the panelist's own choice (User.easyRead), else on for a
   * service-user seat and off for any other.
   */
  easyRead: z.boolean(),
});

// ---- Cell saves (the hot path: these schemas are parsed on every save; keep them as they are) ----------

export const saveRatingInput = z
  .object({ ...ratingCellFields, scorecardId: idSchema, baseVersion: baseVersionSchema })
  .superRefine(notAssessedHasNoScore);
/** baseVersion: the cell's version as the client last saw it, 0 when it never saw one; a null score with notAssessed false clears the cell. */
export type SaveRatingInput = z.output<typeof saveRatingInput>;

const savedSchema = z.object({
  status: z.literal("saved"),
  version: z.number().int(),
  scorecardVersion: z.number().int(),
});

/** Allow-list: on a conflict, only the caller's own cell as the server holds it. */
export const saveRatingOutput = z.discriminatedUnion("status", [
  savedSchema,
  z.object({
    status: z.literal("conflict"),
    server: z.object({ score: z.number().int().nullable(), notAssessed: z.boolean(), version: z.number().int() }),
  }),
]);
export type SaveRatingResult = z.output<typeof saveRatingOutput>;

export const saveNoteInput = z.object({ scorecardId: idSchema, itemId: idSchema, body: noteBodySchema, baseVersion: baseVersionSchema });
export type SaveNoteInput = z.output<typeof saveNoteInput>;

/** Allow-list: on a conflict, only the caller's own note as the server holds it. */
export const saveNoteOutput = z.discriminatedUnion("status", [
  savedSchema,
  z.object({ status: z.literal("conflict"), server: z.object({ body: z.string(), version: z.number().int() }) }),
]);
export type SaveNoteResult = z.output<typeof saveNoteOutput>;

// ---- Submission and amendments ------------------------------------------------------------------------

/** The submit form's fields. */
export const submitScorecardFields = z.object({ recommendation: recommendationSchema, summary: summarySchema });
export const submitScorecardInput = submitScorecardFields.extend({ scorecardId: idSchema });
export type SubmitScorecardInput = z.output<typeof submitScorecardInput>;
export const submitScorecardOutput = z.object({ submittedAt: z.date() });

export const amendScorecardInput = z.object({
  scorecardId: idSchema,
  reason: amendmentReasonSchema,
  ratings: z
    .array(ratingCellSchema)
    .max(300)
    .superRefine(noRepeats((r) => `${r.itemId}/${r.competencyId}`, "This rating is listed twice"))
    .optional(),
  notes: z
    .array(noteCellSchema)
    .max(100)
    .superRefine(noRepeats((n) => n.itemId, "This question's notes are listed twice"))
    .optional(),
  recommendation: recommendationSchema.optional(),
  summary: summarySchema.optional(),
});
export type AmendScorecardInput = z.output<typeof amendScorecardInput>;
export const amendScorecardOutput = z.object({ amendedAt: z.date() });

// ---- What others see ----------------------------------------------------------------------------------

/**
 * Allow-list: ratings, notes and summaries of the scorecards the viewer may see under the independence rule
 * (src/server/access/scorecard-visibility.ts); the hidden ones only counted.
 */
export const interviewScorecardsOutput = z.object({
  scorecards: z.array(
    z.object({
      id: z.string(),
      panelist: z.object({ id: z.string(), name: z.string() }),
      status: scorecardStatusSchema,
      recommendation: recommendationSchema.nullable(),
      summary: z.string(),
      submittedAt: z.date().nullable(),
      /** Assisted scoring (issue 23): a supporter entered the ratings, named here. */
      assisted: z.boolean(),
      supporterName: z.string().nullable(),
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
  /** Which reason hiddenReason gives, so a page says it in the reader's language (common.ui.scorecards.hiddenReasons). */
  hiddenReasonKey: z.enum(["ownNotSubmitted", "draftsPrivate", "outsideRoleScope"]).nullable(),
  items: z.array(
    z.object({
      itemId: z.string(),
      number: z.number().int(),
      text: z.string(),
      required: z.boolean(),
      competencies: z.array(competencyOutputSchema),
    }),
  ),
});

export const progressStateSchema = z.enum(["NOT_STARTED", "IN_PROGRESS", "SUBMITTED"]);
export type ProgressState = z.output<typeof progressStateSchema>;
/** Allow-list: a state per panelist, never scores nor when anyone last saved. */
export const panelProgressOutput = z.array(z.object({ userId: z.string(), name: z.string(), state: progressStateSchema }));
export type PanelistProgress = z.output<typeof panelProgressOutput>[number];

/**
 * A shadow's scorecard beside the panel's, once both are in: per rated cell their level and the panel's mean
 * (of the submitted scorecards that count), and the practice figures against those means.
 */
export const shadowComparisonOutput = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  /** Panel members whose scorecards count, and how many of them have submitted. */
  panelSize: z.number().int(),
  panelSubmitted: z.number().int(),
  cells: z.array(
    z.object({
      number: z.number().int(),
      question: z.string(),
      competencyId: z.string(),
      competency: z.string(),
      yours: z.number().int().nullable(),
      panelMean: z.number().nullable(),
      panelN: z.number().int(),
    }),
  ),
  figures: practiceFiguresSchema.nullable(),
});
export type ShadowComparison = z.output<typeof shadowComparisonOutput>;

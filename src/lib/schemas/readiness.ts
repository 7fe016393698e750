// Readiness and refreshers (issue 19): whether a panelist is ready for a script that requires practice, the
// script's requirement, the organisation's thresholds, and the drift check that suggests refreshers. Every
// input and output of the readiness procedures. Zod only: the forms check their values with these before
// sending, and the services take their input types from here.
import { PracticeUnreadyMode } from "@/generated/prisma/enums";
import { z } from "./zod";
import { idSchema } from "./common";

export const practiceUnreadyModeSchema = z.enum(PracticeUnreadyMode);
export type { PracticeUnreadyMode };

// ---- The organisation's thresholds --------------------------------------------------------------------

export const PRACTICE_MAX_MAD_MIN = 0.1;
export const PRACTICE_MAX_MAD_MAX = 3;
export const DRIFT_THRESHOLD_MIN = 0.1;
export const DRIFT_THRESHOLD_MAX = 3;
export const DRIFT_MIN_RATINGS_MIN = 5;
export const DRIFT_MIN_RATINGS_MAX = 10_000;

/** The thresholds as stored and as the settings form shows them. */
export const trainingSettingsSchema = z.object({
  practiceMaxMad: z.number(),
  practiceUnreadyMode: practiceUnreadyModeSchema,
  driftLeniencyThreshold: z.number(),
  driftMinRatings: z.number().int(),
});
export type TrainingSettings = z.output<typeof trainingSettingsSchema>;

/**
 * `shown`: the thresholds as the form showed them; when they were changed elsewhere since, the save is refused
 * (CONFLICT) rather than putting them back.
 */
export const updateTrainingSettingsInput = z.object({
  practiceMaxMad: z
    .number({ error: "Enter how far off (in scale points) a practice session may be" })
    .min(PRACTICE_MAX_MAD_MIN, `Allow at least ${PRACTICE_MAX_MAD_MIN} points`)
    .max(PRACTICE_MAX_MAD_MAX, `Allow at most ${PRACTICE_MAX_MAD_MAX} points (the whole scale)`),
  practiceUnreadyMode: practiceUnreadyModeSchema,
  driftLeniencyThreshold: z
    .number({ error: "Enter a leniency offset in scale points" })
    .min(DRIFT_THRESHOLD_MIN, `Use at least ${DRIFT_THRESHOLD_MIN} points`)
    .max(DRIFT_THRESHOLD_MAX, `Use at most ${DRIFT_THRESHOLD_MAX} points (the whole scale)`),
  driftMinRatings: z
    .number({ error: "Enter a number of ratings" })
    .int("Enter a whole number of ratings")
    .min(DRIFT_MIN_RATINGS_MIN, `Ask for at least ${DRIFT_MIN_RATINGS_MIN} ratings`)
    .max(DRIFT_MIN_RATINGS_MAX, `Ask for at most ${DRIFT_MIN_RATINGS_MAX.toLocaleString("en-GB")} ratings`),
  shown: trainingSettingsSchema.optional(),
});
export type UpdateTrainingSettingsInput = z.output<typeof updateTrainingSettingsInput>;

// ---- A script's requirement ---------------------------------------------------------------------------

export const PRACTICE_MONTHS_MIN = 1;
export const PRACTICE_MONTHS_MAX = 36;

export const scriptRequirementInput = z.object({ scriptId: idSchema });
export type ScriptRequirementInput = z.output<typeof scriptRequirementInput>;

export const setScriptRequirementInput = z.object({
  scriptId: idSchema,
  practiceRequired: z.boolean(),
  practiceMonths: z
    .number({ error: "Enter a number of months" })
    .int("Enter a whole number of months")
    .min(PRACTICE_MONTHS_MIN, `Use at least ${PRACTICE_MONTHS_MIN} month`)
    .max(PRACTICE_MONTHS_MAX, `Use at most ${PRACTICE_MONTHS_MAX} months`),
  /** The requirement as the form showed it; when it was changed elsewhere since, the save is refused (CONFLICT). */
  shown: z.object({ practiceRequired: z.boolean(), practiceMonths: z.number().int() }).optional(),
});
export type SetScriptRequirementInput = z.output<typeof setScriptRequirementInput>;

export const scriptRequirementSchema = z.object({
  scriptId: z.string(),
  practiceRequired: z.boolean(),
  practiceMonths: z.number().int(),
  practiceMaxMad: z.number(),
  practiceUnreadyMode: practiceUnreadyModeSchema,
  canEdit: z.boolean(),
});
export type ScriptRequirement = z.output<typeof scriptRequirementSchema>;

// ---- Readiness of panelists ---------------------------------------------------------------------------

export const readinessStatusSchema = z.enum(["READY", "INACCURATE", "STALE", "NEVER"]);
export type ReadinessStatus = z.output<typeof readinessStatusSchema>;

export const readinessFactsSchema = z.object({
  days: z.number().int().nullable(),
  off: z.number().nullable(),
  maxMad: z.number(),
  months: z.number().int(),
});
export type ReadinessFacts = z.output<typeof readinessFactsSchema>;

export const memberReadinessSchema = z.object({
  userId: z.string(),
  name: z.string(),
  status: readinessStatusSchema,
  /** "Ready", "Practised 2 months ago, off by 1.1 (needs ≤ 0.75)", "Never practised". */
  text: z.string(),
  lastPractisedAt: z.date().nullable(),
  /** What `text` says, for a page to word in its reader's language (readiness-rules.ts ReadinessFacts). */
  facts: readinessFactsSchema.optional(),
});
export type MemberReadiness = z.output<typeof memberReadinessSchema>;

/** The panel of an interview, or the stage an interview is being scheduled at (its script version). */
export const panelReadinessInput = z
  .object({ interviewId: idSchema.optional(), stageId: idSchema.optional() })
  .refine((v) => (v.interviewId === undefined) !== (v.stageId === undefined), {
    message: "Give an interview or a stage, not both",
    path: ["interviewId"],
  });
export type PanelReadinessInput = z.output<typeof panelReadinessInput>;

export const panelReadinessSchema = z.object({
  scriptId: z.string(),
  scriptTitle: z.string(),
  practiceRequired: z.boolean(),
  practiceMonths: z.number().int(),
  practiceMaxMad: z.number(),
  practiceUnreadyMode: practiceUnreadyModeSchema,
  /** Every member of the organisation, by name. */
  members: z.array(memberReadinessSchema),
});
export type PanelReadiness = z.output<typeof panelReadinessSchema>;

/** A panelist added while not ready, on a script that requires practice, in an organisation that warns. */
export const unreadyWarningSchema = z.object({
  userId: z.string(),
  name: z.string(),
  text: z.string(),
  /** What `text` says, for the page to word in its reader's language. */
  status: readinessStatusSchema.optional(),
  facts: readinessFactsSchema.optional(),
});
export type UnreadyWarning = z.output<typeof unreadyWarningSchema>;

// ---- Drift and refreshers -----------------------------------------------------------------------------

export const driftReasonSchema = z.enum(["LENIENT", "SEVERE", "NARROW_RANGE"]);
export type DriftReason = z.output<typeof driftReasonSchema>;

export const driftCheckSchema = z.object({
  /** Panelists whose ratings drifted in the window checked. */
  flagged: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      reasons: z.array(driftReasonSchema),
      leniencyOffset: z.number().nullable(),
      ratings: z.number().int(),
      levelsUsed: z.number().int(),
      competencies: z.array(z.string()),
      /** What happened now: a refresher suggested (and emailed when email is set up), or one sent in the last 30 days. */
      refresher: z.enum(["SUGGESTED", "EMAILED", "RECENT"]),
      lastRefresherAt: z.date().nullable(),
    }),
  ),
  windowDays: z.number().int(),
});
export type DriftCheck = z.output<typeof driftCheckSchema>;

// ---- On the calibration page --------------------------------------------------------------------------

/** An alpha's bootstrap 95% interval, the chance it is below 0.667, and what that means in one line. */
export const alphaIntervalSchema = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  probabilityBelow: z.number().nullable(),
  minimum: z.number(),
  samples: z.number().int(),
  text: z.string(),
});

/**
 * Per panelist: whether their ratings on the page drifted (reasons empty when not), their last practice
 * session's accuracy (null when none, or when it is not the reader's to see: practiceHidden), and when a
 * refresher was last suggested to them.
 */
export const panelistTrainingSchema = z.object({
  drift: z.object({
    reasons: z.array(driftReasonSchema),
    /** In English ("rates more leniently … (+0.62 on 34 ratings)"); the page words the facts beside it. */
    text: z.array(z.string()),
    leniencyOffset: z.number().nullable(),
    ratings: z.number().int(),
    levelsUsed: z.number().int(),
    /** The competencies a refresher aims at (ids for the practice link, and their names). */
    competencyIds: z.array(z.string()),
    competencies: z.array(z.string()),
  }),
  practice: z
    .object({ completedAt: z.date(), scriptTitle: z.string(), meanAbsDiff: z.number(), bias: z.number().nullable() })
    .nullable(),
  practiceHidden: z.boolean(),
  lastRefresherAt: z.date().nullable(),
});
export type PanelistTraining = z.output<typeof panelistTrainingSchema>;

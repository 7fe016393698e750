// Panel training (frame-of-reference practice): practice answers with their reference ratings (built in, or
// an organisation's own with reference raters and a consensus), practice sessions rated like a live
// interview, and the practice results HR and admins read. Every input and output of the training procedures.
// Zod only.
import { LOCALES } from "@/i18n/config";
import { z } from "./zod";
import { PracticeAnswerSource, PracticeAnswerStatus, PracticeSessionStatus } from "@/generated/prisma/enums";
import { idSchema, requiredText } from "./common";
import { driftReasonSchema, memberReadinessSchema } from "./readiness";

export const PRACTICE_TEXT_MAX = 5000;
export const RATIONALE_MAX = 2000;
export const MIN_REFERENCE_RATERS = 2;
export const MAX_REFERENCE_RATERS = 10;

export const practiceAnswerSourceSchema = z.enum(PracticeAnswerSource);
export const practiceAnswerStatusSchema = z.enum(PracticeAnswerStatus);
export const practiceSessionStatusSchema = z.enum(PracticeSessionStatus);

export const SOURCE_LABELS: Record<PracticeAnswerSource, string> = {
  ARTICLE_EXAMPLE: "The bank article's example answer",
  WRITTEN_FOR_TRAINING: "Written for training (fictional)",
  ORG_WRITTEN: "Written by your organisation",
  PROMOTED_NOTES: "From interview notes, with identifying details removed",
};

const LEVEL_MESSAGE = "A rating is a whole number from 1 to 4, on the competency's anchors";
export const levelSchema = z.number({ error: LEVEL_MESSAGE }).int(LEVEL_MESSAGE).min(1, LEVEL_MESSAGE).max(4, LEVEL_MESSAGE);

const practiceTextSchema = requiredText("The answer", PRACTICE_TEXT_MAX, "Write the practice answer");
const rationaleSchema = requiredText("The rationale", RATIONALE_MAX, "Say why, citing the anchor");

// ---- Practice answers (training:manage) -------------------------------------------------------------------

export const answerIdInput = z.object({ id: idSchema });
export type AnswerIdInput = z.output<typeof answerIdInput>;

export const listPracticeAnswersInput = z.object({ status: practiceAnswerStatusSchema.optional() });
export type ListPracticeAnswersInput = z.output<typeof listPracticeAnswersInput>;

/** An answer written or pasted for a question of a bank the organisation uses. */
export const createPracticeAnswerInput = z.object({ questionId: idSchema, text: practiceTextSchema });
export type CreatePracticeAnswerInput = z.output<typeof createPracticeAnswerInput>;

/** A past submitted scorecard's notes for one question, edited so that they identify no one. */
export const promoteNotesInput = z.object({ scorecardId: idSchema, itemId: idSchema, text: practiceTextSchema });
export type PromoteNotesInput = z.output<typeof promoteNotesInput>;

/** `shown`: the text as the editor showed it; when it was changed elsewhere since, the save is refused (CONFLICT). */
export const updatePracticeAnswerInput = z.object({ id: idSchema, text: practiceTextSchema, shown: z.string().max(PRACTICE_TEXT_MAX * 2).optional() });
export type UpdatePracticeAnswerInput = z.output<typeof updatePracticeAnswerInput>;

export const setReferenceRatersInput = z.object({
  answerId: idSchema,
  userIds: z
    .array(idSchema)
    .min(MIN_REFERENCE_RATERS, `Choose at least ${MIN_REFERENCE_RATERS} reference raters`)
    .max(MAX_REFERENCE_RATERS, `Choose at most ${MAX_REFERENCE_RATERS} reference raters`)
    .refine((ids) => new Set(ids).size === ids.length, "Choose each reference rater once"),
  /** The raters as the picker showed them (in any order); when they were changed elsewhere since, refused (CONFLICT). */
  shown: z.array(idSchema).max(MAX_REFERENCE_RATERS).optional(),
});
export type SetReferenceRatersInput = z.output<typeof setReferenceRatersInput>;

const referenceEntrySchema = z.object({ competencyId: idSchema, level: levelSchema, rationale: rationaleSchema });

/** A reference rater's ratings of every competency the answer's question assesses, sent together. */
export const rateReferenceInput = z.object({
  answerId: idSchema,
  ratings: z
    .array(referenceEntrySchema)
    .min(1, "Rate every competency")
    .max(10)
    .refine((rows) => new Set(rows.map((r) => r.competencyId)).size === rows.length, "Rate each competency once"),
});
export type RateReferenceInput = z.output<typeof rateReferenceInput>;

/** The manager's consensus for a competency the reference raters disagreed on. */
export const resolveReferenceInput = z.object({ answerId: idSchema, competencyId: idSchema, level: levelSchema, rationale: rationaleSchema });
export type ResolveReferenceInput = z.output<typeof resolveReferenceInput>;

export const promotableNotesInput = z.object({ questionId: idSchema.optional() });
export type PromotableNotesInput = z.output<typeof promotableNotesInput>;

const anchorSchema = z.object({ level: z.number().int(), description: z.string() });
const competencyWithAnchorsSchema = z.object({ id: z.string(), name: z.string(), anchors: z.array(anchorSchema) });
export type CompetencyWithAnchors = z.output<typeof competencyWithAnchorsSchema>;

export const practiceAnswerListOutput = z.object({
  builtIn: z.object({ answers: z.number().int(), questions: z.number().int() }),
  rows: z.array(
    z.object({
      id: z.string(),
      status: practiceAnswerStatusSchema,
      source: practiceAnswerSourceSchema,
      excerpt: z.string(),
      questionText: z.string(),
      bankName: z.string(),
      raters: z.number().int(),
      submitted: z.number().int(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
});
export type PracticeAnswerList = z.output<typeof practiceAnswerListOutput>;

const referenceRowSchema = z.object({ competencyId: z.string(), level: z.number().int(), rationale: z.string() });

export const practiceAnswerOutput = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  status: practiceAnswerStatusSchema,
  source: practiceAnswerSourceSchema,
  text: z.string(),
  question: z.object({ id: z.string(), text: z.string(), bankName: z.string() }),
  competencies: z.array(competencyWithAnchorsSchema),
  raters: z.array(z.object({ userId: z.string(), name: z.string(), submitted: z.boolean() })),
  viewer: z.object({
    manages: z.boolean(),
    isRater: z.boolean(),
    submitted: z.boolean(),
    /** Whether the other raters' ratings are shown: never to a rater before they submit their own. */
    seesOtherRaters: z.boolean(),
  }),
  /** Why the other raters' ratings are not shown, when they are not. */
  withheld: z.string().nullable(),
  mine: z.array(referenceRowSchema),
  raterRatings: z.array(referenceRowSchema.extend({ raterId: z.string(), raterName: z.string().nullable() })),
  consensus: z.array(referenceRowSchema),
  allSubmitted: z.boolean(),
  /** Competencies the raters did not all rate the same, still without a consensus. */
  unresolved: z.array(z.string()),
  canEditText: z.boolean(),
  canActivate: z.boolean(),
});
export type PracticeAnswerView = z.output<typeof practiceAnswerOutput>;

export const createdAnswerOutput = z.object({ id: z.string() });

export const answerStatusOutput = z.object({ id: z.string(), status: practiceAnswerStatusSchema });

export const rateReferenceOutput = z.object({
  allSubmitted: z.boolean(),
  agreed: z.number().int(),
  disagreements: z.number().int(),
});

export const questionOptionsOutput = z.array(
  z.object({
    bankId: z.string(),
    bankName: z.string(),
    builtIn: z.boolean(),
    questions: z.array(z.object({ id: z.string(), position: z.number().int(), text: z.string(), competencies: z.array(z.string()) })),
  }),
);

/** Evidence notes of submitted scorecards the actor may read (the one access rule), without the candidate. */
export const promotableNotesOutput = z.array(
  z.object({
    scorecardId: z.string(),
    itemId: z.string(),
    questionId: z.string(),
    questionText: z.string(),
    submittedAt: z.date(),
    body: z.string(),
  }),
);

export const referenceTasksOutput = z.array(
  z.object({ answerId: z.string(), questionText: z.string(), excerpt: z.string(), submitted: z.boolean(), status: practiceAnswerStatusSchema }),
);

// ---- Practice sessions (every member) ---------------------------------------------------------------------

export const practiceScriptsOutput = z.array(
  z.object({
    scriptId: z.string(),
    title: z.string(),
    role: z.string(),
    versionId: z.string(),
    version: z.number().int(),
    questions: z.number().int(),
    questionsWithAnswers: z.number().int(),
    answers: z.number().int(),
    /** The competencies its questions are rated on, in the script's order (a refresher's link lists these first). */
    competencies: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);
export type PracticeScriptOption = z.output<typeof practiceScriptsOutput>[number];

/**
 * `competencyIds`: a refresher set, only the answers rated on these competencies and only their ratings of
 * them (the competencies a drift refresher aims at).
 */
export const startPracticeInput = z.object({
  scriptVersionId: idSchema,
  competencyIds: z.array(idSchema).min(1, "Name at least one competency for a refresher set").max(30).optional(),
});
export type StartPracticeInput = z.output<typeof startPracticeInput>;
export const startPracticeOutput = z.object({ id: z.string(), resumed: z.boolean() });

export const sessionIdInput = z.object({ id: idSchema });
export type SessionIdInput = z.output<typeof sessionIdInput>;

const SCORE_MESSAGE = "A rating is a whole number from 1 to 4";
export const practiceRateInput = z.object({
  sessionId: idSchema,
  answerId: idSchema,
  competencyId: idSchema,
  /** null clears the rating. */
  score: z.number({ error: SCORE_MESSAGE }).int(SCORE_MESSAGE).min(1, SCORE_MESSAGE).max(4, SCORE_MESSAGE).nullable(),
});
export type PracticeRateInput = z.output<typeof practiceRateInput>;
export const practiceRateOutput = z.object({ score: z.number().int().nullable() });

export const revealInput = z.object({ sessionId: idSchema, answerId: idSchema });
export type RevealInput = z.output<typeof revealInput>;

const revealedReferenceSchema = z.object({
  competencyId: z.string(),
  level: z.number().int(),
  rationale: z.string(),
  /** The anchor of the reference's level. */
  anchor: z.string(),
});
export const revealOutput = z.object({ answerId: z.string(), references: z.array(revealedReferenceSchema) });
export type RevealedReference = z.output<typeof revealedReferenceSchema>;

export const practiceFiguresSchema = z.object({
  n: z.number().int(),
  meanAbsDiff: z.number(),
  bias: z.number(),
  separation: z.number().nullable(),
  separationNote: z.string().nullable(),
  /** Why there is no separation figure, and the figure the note names (see separationNote). */
  separationReason: z.enum(["too-few-pairs", "reference-no-variance", "rater-no-variance"]).nullable().optional(),
  separationValue: z.number().nullable().optional(),
  furthestOff: z.array(
    z.object({ competencyId: z.string(), name: z.string(), n: z.number().int(), meanAbsoluteDifference: z.number(), bias: z.number() }),
  ),
});
export type PracticeFigures = z.output<typeof practiceFiguresSchema>;

export const practiceSessionOutput = z.object({
  id: z.string(),
  status: practiceSessionStatusSchema,
  isMine: z.boolean(),
  panelist: z.object({ id: z.string(), name: z.string() }),
  script: z.object({ id: z.string(), title: z.string(), version: z.number().int() }),
  startedAt: z.date(),
  completedAt: z.date().nullable(),
  /** The organisation's readiness threshold for the mean absolute difference. */
  maxMeanAbsDiff: z.number(),
  items: z.array(
    z.object({
      answerId: z.string(),
      number: z.number().int(),
      questionText: z.string(),
      /** The page shows the source in the reader's language (training.source.<value>); sourceLabel is the English. */
      source: practiceAnswerSourceSchema,
      sourceLabel: z.string(),
      text: z.string(),
      competencies: z.array(competencyWithAnchorsSchema),
      ratings: z.array(z.object({ competencyId: z.string(), score: z.number().int().nullable() })),
      revealed: z.boolean(),
      /** Shown once revealed, and for every answer once the session is finished. */
      references: z.array(revealedReferenceSchema).nullable(),
    }),
  ),
  figures: practiceFiguresSchema.nullable(),
});
export type PracticeSessionView = z.output<typeof practiceSessionOutput>;

export const finishPracticeOutput = z.object({ id: z.string(), figures: practiceFiguresSchema });

export const listPracticeSessionsInput = z.object({ userId: idSchema.optional() });
export type ListPracticeSessionsInput = z.output<typeof listPracticeSessionsInput>;

export const practiceSessionsOutput = z.object({
  panelist: z.object({ id: z.string(), name: z.string() }),
  sessions: z.array(
    z.object({
      id: z.string(),
      status: practiceSessionStatusSchema,
      scriptTitle: z.string(),
      version: z.number().int(),
      startedAt: z.date(),
      completedAt: z.date().nullable(),
      meanAbsDiff: z.number().nullable(),
      bias: z.number().nullable(),
      separation: z.number().nullable(),
    }),
  ),
});

// ---- Results (training:manage) ----------------------------------------------------------------------------

export const practiceResultRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  scriptId: z.string(),
  scriptTitle: z.string(),
  sessions: z.number().int(),
  lastPracticeAt: z.date(),
  /** Their readiness for the script ("Ready", "Practised today, off by 1.08 (needs ≤ 0.75)"); null when the script requires no practice. */
  readiness: z.string().nullable(),
  /** The same readiness as its status and facts, for the page to word in its reader's language. */
  readinessDetail: memberReadinessSchema.pick({ status: true, facts: true }).nullable().optional(),
  meanAbsDiff: z.number().nullable(),
  bias: z.number().nullable(),
  separation: z.number().nullable(),
  /** Mean absolute difference of the last five sessions, oldest first. */
  trend: z.array(z.number()),
});
export type PracticeResultRow = z.output<typeof practiceResultRowSchema>;

export const practiceResultsOutput = z.object({
  maxMeanAbsDiff: z.number(),
  rows: z.array(practiceResultRowSchema),
  /** Each script that requires practice, with every member's readiness for it (those who never practised too). */
  requirements: z.array(
    z.object({
      scriptId: z.string(),
      scriptTitle: z.string(),
      practiceMonths: z.number().int(),
      members: z.array(memberReadinessSchema),
    }),
  ),
  scripts: z.array(
    z.object({ scriptId: z.string(), scriptTitle: z.string(), panelists: z.number().int(), meanAbsDiff: z.number().nullable() }),
  ),
});

/** The language the results page is shown in, for the CSV's header row when the user saved none. */
export const practiceResultsCsvInput = z.object({ locale: z.enum(LOCALES).optional() }).optional();
export const practiceResultsCsvOutput = z.object({ fileName: z.string(), csv: z.string() });

/** The member's own refresher from drift (suggested in the last 30 days), for /training; null when none. */
export const ownRefresherOutput = z
  .object({
    suggestedAt: z.date(),
    /** What was seen in their live ratings, addressed to them ("you rate more leniently … (+0.71 on 87 ratings)"). */
    findings: z.array(z.string()),
    /** The same findings as facts, for the page to word in its reader's language (src/lib/training/drift-words.ts). */
    drift: z
      .object({ reasons: z.array(driftReasonSchema), leniencyOffset: z.number().nullable(), ratings: z.number().int(), levelsUsed: z.number().int() })
      .optional(),
    /** The competencies it aims at, most concerned first. */
    competencies: z.array(z.object({ id: z.string(), name: z.string() })),
    /** When they last finished a practice session since it was suggested. */
    practisedAt: z.date().nullable(),
  })
  .nullable();
export type OwnRefresher = z.output<typeof ownRefresherOutput>;

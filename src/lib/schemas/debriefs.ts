// Debriefs and decisions: opening a debrief, its mechanical result and queue of disagreements, the chair's
// entries, panelists' comments, the outcome, corrections after closing, and a candidate's stage history.
// Every input and output of the debriefs procedures. Zod only.
import { z } from "./zod";
import { DebriefEntryKind, DebriefStatus, DecisionOutcome } from "@/generated/prisma/enums";
import { candidateStatusSchema, idSchema, optionalText, requiredText } from "./common";

export const REASON_MAX = 2000;
export const COMMENT_MAX = 2000;
export const RATIONALE_MAX = 5000;

export const decisionOutcomeSchema = z.enum(DecisionOutcome, { error: "Choose an outcome" });
export const debriefEntryKindSchema = z.enum(DebriefEntryKind, { error: "Choose the consensus rating, or keep the mean" });
export const debriefStatusSchema = z.enum(DebriefStatus);

const CONSENSUS_RATING = "A consensus rating is a whole number from 1 to 4";
const consensusRatingSchema = z.number().int(CONSENSUS_RATING).min(1, CONSENSUS_RATING).max(4, CONSENSUS_RATING);

// ---- Inputs ---------------------------------------------------------------------------------------------

/** `reason` is needed only when someone on the panel has not submitted yet (the server says who). */
export const openDebriefInput = z.object({
  candidateId: idSchema,
  stageId: idSchema,
  reason: optionalText("The reason", REASON_MAX).trim().optional(),
});
export type OpenDebriefInput = z.output<typeof openDebriefInput>;

export const debriefIdInput = z.object({ id: idSchema });
export type DebriefIdInput = z.output<typeof debriefIdInput>;

/** A rating for a consensus entry, none for "keep the mean". */
const entryFields = {
  itemId: idSchema,
  competencyId: idSchema,
  kind: debriefEntryKindSchema,
  rating: consensusRatingSchema.nullable(),
};
const entryRatingFitsKind = (entry: { kind: DebriefEntryKind; rating: number | null }, ctx: z.RefinementCtx) => {
  if (entry.kind === "CONSENSUS" && entry.rating === null) {
    ctx.addIssue({ code: "custom", message: "Choose the panel's consensus rating, or keep the mean", path: ["rating"] });
  }
  if (entry.kind === "KEEP_MEAN" && entry.rating !== null) {
    ctx.addIssue({ code: "custom", message: "Keeping the mean takes no rating", path: ["rating"] });
  }
};

/** An entry as the chair's form showed it, as stored (`shown`). */
const shownEntrySchema = z.object({ kind: debriefEntryKindSchema, rating: z.number().int().nullable(), reason: z.string().max(REASON_MAX * 2) });

/**
 * `reason` is required when the entry changes the figure (a consensus rating other than the mean). `shown`:
 * the entry the form showed (null: none); when another chair recorded or changed it since, the entry is
 * refused (CONFLICT) rather than replacing theirs.
 */
export const recordDebriefEntryInput = z
  .object({ debriefId: idSchema, ...entryFields, reason: optionalText("The reason", REASON_MAX).trim(), shown: shownEntrySchema.nullable().optional() })
  .superRefine(entryRatingFitsKind);
export type RecordDebriefEntryInput = z.output<typeof recordDebriefEntryInput>;

export const commentOnDebriefInput = z.object({
  debriefId: idSchema,
  itemId: idSchema,
  competencyId: idSchema,
  body: requiredText("A comment", COMMENT_MAX, "Write a comment"),
});
export type CommentOnDebriefInput = z.output<typeof commentOnDebriefInput>;

const outcomeFields = {
  outcome: decisionOutcomeSchema,
  /** The later stage the candidate advances to (ADVANCE only). */
  nextStageId: idSchema.nullable(),
  /** Required exactly when the outcome overrides the mechanical order (the server says why). */
  overrideJustification: optionalText("The override justification", RATIONALE_MAX).trim(),
};
const nextStageFitsOutcome = (decision: { outcome: DecisionOutcome; nextStageId: string | null }, ctx: z.RefinementCtx) => {
  if (decision.outcome === "ADVANCE" && decision.nextStageId === null) {
    ctx.addIssue({ code: "custom", message: "Choose the stage the candidate advances to", path: ["nextStageId"] });
  }
  if (decision.outcome !== "ADVANCE" && decision.nextStageId !== null) {
    ctx.addIssue({ code: "custom", message: "Only advancing takes a next stage", path: ["nextStageId"] });
  }
};

export const decideDebriefInput = z
  .object({
    debriefId: idSchema,
    ...outcomeFields,
    rationale: requiredText("The rationale", RATIONALE_MAX, "Write the rationale for the decision"),
    /** Required exactly when the outcome departs from the service-user strand's preferred candidate (issue 23). */
    strandDepartureReason: optionalText("The reason", RATIONALE_MAX).trim().default(""),
  })
  .superRefine(nextStageFitsOutcome);
export type DecideDebriefInput = z.output<typeof decideDebriefInput>;

/** What a correction changes: one entry, the rationale, or the outcome (never once the candidate is hired). */
export const debriefChangeSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("entry"), itemId: idSchema, competencyId: idSchema, entryKind: debriefEntryKindSchema, rating: consensusRatingSchema.nullable() })
    .superRefine((change, ctx) => entryRatingFitsKind({ kind: change.entryKind, rating: change.rating }, ctx)),
  z.object({
    kind: z.literal("rationale"),
    rationale: requiredText("The rationale", RATIONALE_MAX, "Write the corrected rationale"),
    /** The rationale the form was drawn from; when it was corrected elsewhere since, refused (CONFLICT). */
    shown: z.string().max(RATIONALE_MAX * 2).optional(),
  }),
  z
    .object({
      kind: z.literal("outcome"),
      ...outcomeFields,
      /** Required exactly when the corrected outcome departs from the service-user strand's preferred candidate. */
      strandDepartureReason: optionalText("The reason", RATIONALE_MAX).trim().default(""),
    })
    .superRefine(nextStageFitsOutcome),
]);
export type DebriefChange = z.output<typeof debriefChangeSchema>;

export const correctDebriefInput = z.object({
  debriefId: idSchema,
  reason: z
    .string()
    .trim()
    .min(10, "Give a reason for the correction (at least 10 characters)")
    .max(REASON_MAX, `The reason must be at most ${REASON_MAX} characters`),
  change: debriefChangeSchema,
});
export type CorrectDebriefInput = z.output<typeof correctDebriefInput>;

export const candidateDebriefsInput = z.object({ candidateId: idSchema });
export type CandidateDebriefsInput = z.output<typeof candidateDebriefsInput>;

// ---- Outputs --------------------------------------------------------------------------------------------

const personSchema = z.object({ id: z.string(), name: z.string() });

export const openDebriefOutput = z.object({
  id: z.string(),
  /** False when the debrief was already open (a second click, or another chair): the same debrief. */
  created: z.boolean(),
  /** The panelists who had not submitted when it was opened (empty when everyone had). */
  missing: z.array(personSchema),
});
export type OpenDebriefResult = z.output<typeof openDebriefOutput>;

const alphaSchema = z.object({
  alpha: z.number().nullable(),
  reading: z.enum(["reliable", "tentative", "unreliable", "not enough data"]),
  text: z.string(),
  pairableValues: z.number().int(),
});

const entrySchema = z.object({
  kind: debriefEntryKindSchema,
  rating: z.number().int().nullable(),
  meanBefore: z.number(),
  valueAfter: z.number(),
  reason: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.date(),
});
export type DebriefEntryView = z.output<typeof entrySchema>;

const decisionSchema = z.object({
  id: z.string(),
  outcome: decisionOutcomeSchema,
  nextStage: z.object({ id: z.string(), name: z.string() }).nullable(),
  rationale: z.string(),
  isOverride: z.boolean(),
  overrideJustification: z.string().nullable(),
  /** The written reason for departing from the service-user strand's preferred candidate (issue 23). */
  strandDepartureReason: z.string().nullable().default(null),
  weightedScore: z.number().nullable(),
  mechanicalRank: z.number().int().nullable(),
  rankedOf: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date(),
});
export type DecisionView = z.output<typeof decisionSchema>;

const correctionSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** Why an outcome would be an override (OverrideCase in @/lib/debriefs/override), worded by the page. */
const overrideCaseSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("rejectTop"), name: z.string(), rankedOf: z.number().int() }),
    z.object({
      kind: z.literal("inversion"),
      name: z.string(),
      rank: z.number().int(),
      rankedOf: z.number().int(),
      outcome: decisionOutcomeSchema,
      other: z.string(),
      otherRank: z.number().int(),
      otherOutcome: decisionOutcomeSchema,
      direction: z.enum(["lowerAbove", "higherBelow"]),
    }),
  ])
  .nullable();
const overridesSchema = z.object({ ADVANCE: overrideCaseSchema, APPOINT: overrideCaseSchema, RESERVE: overrideCaseSchema, REJECT: overrideCaseSchema });

/**
 * Allow-list: a debrief as its viewer may see it under the one access rule (src/server/access/): the
 * mechanical result, the queue with the submitted ratings and notes behind each disagreement, entries,
 * comments, the decision and corrections. Drafts never appear.
 */
/** A message of the errors namespace with its values (ErrorText in src/server/errors.ts), worded by the page. */
export type MessageText = {
  key: string;
  values?: Record<string, string | number | MessageText | MessageText[] | readonly string[] | { list: readonly string[]; type: "conjunction" | "disjunction" | "unit" }>;
};
const messageTextSchema: z.ZodType<MessageText> = z.lazy(() =>
  z.object({
    key: z.string(),
    values: z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.number(),
          messageTextSchema,
          z.array(messageTextSchema),
          z.array(z.string()).readonly(),
          z.object({ list: z.array(z.string()).readonly(), type: z.enum(["conjunction", "disjunction", "unit"]) }),
        ]),
      )
      .optional(),
  }),
);

export const debriefOutput = z.object({
  id: z.string(),
  status: debriefStatusSchema,
  version: z.number().int(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  openedEarlyReason: z.string().nullable(),
  candidate: z.object({ id: z.string(), name: z.string(), status: candidateStatusSchema, erased: z.boolean() }),
  vacancy: z.object({ id: z.string(), title: z.string() }),
  stage: z.object({ id: z.string(), name: z.string(), position: z.number().int(), counts: z.boolean() }),
  chair: personSchema.nullable(),
  viewer: z.object({ isChair: z.boolean(), onPanel: z.boolean(), canComment: z.boolean() }),
  /** The stage's panel in panel order, and whether each has submitted. */
  panel: z.array(personSchema.extend({ submitted: z.boolean() })),
  /** Set when the stage's script version no longer matches the interviews': nothing can be recorded. */
  blocked: z.string().nullable(),
  /** The same, as a message of the errors namespace with its values, for the page to word in its language. */
  blockedText: messageTextSchema.nullable(),
  /**
   * For a chair: why no outcome can be recorded or changed yet, as a message of the errors namespace (the
   * refusal decide and correct give): part of the ranking it is checked against comes from panels the chair
   * sits on without having submitted. Null otherwise.
   */
  decisionWithheld: messageTextSchema.nullable(),
  mechanical: z.object({
    /** This stage's weighted score (Σ w·mean / Σ w). */
    stageScore: z.number().nullable(),
    /** The mean of the counting stages' scores up to this one: what the rank orders by. */
    mechanicalScore: z.number().nullable(),
    /** Among the candidates the reader may see the figures of (see leftOut). */
    rank: z.number().int().nullable(),
    rankedOf: z.number().int(),
    /**
     * The ranked candidates left out of rank and rankedOf because a panel they were scored by, at a stage the
     * ranking reads, is one the reader sits on without having submitted (the candidate themselves included:
     * then no rank or mechanical score, and countedStages without that stage).
     */
    leftOut: z.number().int(),
    countedStages: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
    competencies: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        weight: z.number(),
        mean: z.number().nullable(),
        n: z.number().int(),
        /** The mean with the debrief's consensus entries in place of the disagreeing ratings. */
        meanAfter: z.number().nullable(),
      }),
    ),
    stageScoreAfter: z.number().nullable(),
    alpha: alphaSchema,
  }),
  queue: z.array(
    z.object({
      itemId: z.string(),
      number: z.number().int(),
      text: z.string(),
      competencyId: z.string(),
      competencyName: z.string(),
      mean: z.number(),
      spread: z.number().int(),
      ratings: z.array(z.object({ panelistId: z.string(), panelistName: z.string(), score: z.number().int().nullable(), notAssessed: z.boolean() })),
      notes: z.array(z.object({ panelistId: z.string(), panelistName: z.string(), body: z.string() })),
      entry: entrySchema.nullable(),
      comments: z.array(z.object({ id: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.date() })),
    }),
  ),
  decision: decisionSchema.nullable(),
  /**
   * For a chair's outcome and correction forms: the later stages, which outcome would be an override and why
   * (against the other candidates decided at the stage), and the competencies a rationale may cite.
   */
  outcomeForm: z
    .object({
      nextStages: z.array(z.object({ id: z.string(), name: z.string() })),
      overrides: overridesSchema,
      competencyNames: z.array(z.string()),
    })
    .nullable(),
  corrections: z.array(correctionSchema),
});
export type DebriefView = z.output<typeof debriefOutput>;

export const recordDebriefEntryOutput = z.object({ version: z.number().int(), valueAfter: z.number() });
export const commentOnDebriefOutput = z.object({ id: z.string(), version: z.number().int() });
export const decideDebriefOutput = z.object({ decisionId: z.string(), isOverride: z.boolean() });
export const correctDebriefOutput = z.object({ correctionId: z.string() });

/** What the live channel sends: the debrief's version and a stamp of the stage's scorecards; a change means refetch. */
export const debriefWatchEvent = z.object({ version: z.number().int(), stamp: z.string() });
export type DebriefWatchEvent = z.output<typeof debriefWatchEvent>;

/** Allow-list: a candidate's stages in plan order, each with the debrief and decision the viewer may see. */
export const candidateDebriefsOutput = z.object({
  candidateId: z.string(),
  status: candidateStatusSchema,
  currentStageId: z.string().nullable(),
  /** Whether the viewer chairs this vacancy's debriefs. */
  chairs: z.boolean(),
  stages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      position: z.number().int(),
      counts: z.boolean(),
      isCurrent: z.boolean(),
      interviews: z.number().int(),
      debrief: z
        .object({
          id: z.string(),
          status: debriefStatusSchema,
          openedAt: z.date(),
          closedAt: z.date().nullable(),
          corrections: z.number().int(),
          decision: decisionSchema.nullable(),
        })
        .nullable(),
      /** For a chair when there is no debrief yet: the panelists still to submit (a reason is then needed). */
      missing: z.array(personSchema).nullable(),
    }),
  ),
});
export type CandidateDebriefs = z.output<typeof candidateDebriefsOutput>;

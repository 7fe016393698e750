// The fairness report (equal-opportunities monitoring): its filters and what it returns. Zod only, browser-safe.
// Every figure about a group is null when suppressed (resting on fewer than minCell people, or hidden so a
// suppressed one cannot be recovered by subtraction); `suppressedText` is what the page and the CSV show instead.
// The text fields (labels, readings, notes) are the English of the facts beside them (keys, stage ordinals,
// flag figures), kept for the API and the CSV's data rows; pages word the facts in the reader's language.
import { z } from "./zod";
import { daySchema as day, idSchema } from "./common";

export const DATE_ORDER_MESSAGE = "The start date must be before the end date";

/** One vacancy, or every vacancy the reader may report on; candidates who applied from `from` to `to` (inclusive). */
export const fairnessReportInput = z
  .object({ vacancyId: idSchema.optional(), from: day.optional(), to: day.optional() })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: DATE_ORDER_MESSAGE, path: ["to"] });
export type FairnessReportInput = z.output<typeof fairnessReportInput>;

const groupBase = {
  key: z.string(),
  label: z.string(),
  /** A stated answer compared with the rest; "prefer not to say" and "not answered" are counted, not compared. */
  compared: z.boolean(),
  suppressed: z.boolean(),
};

export const stageGroupSchema = z.object({
  ...groupBase,
  candidates: z.number().int().nullable(),
  /** Figures on decisions rest on the people decided, suppressed on their own count. */
  decisionsSuppressed: z.boolean(),
  decisions: z.number().int().nullable(),
  selected: z.number().int().nullable(),
  rate: z.number().nullable(),
  impactRatio: z.number().nullable(),
  fourFifthsFlag: z.boolean(),
  fisherP: z.number().nullable(),
});
export type StageGroup = z.output<typeof stageGroupSchema>;

/** A stage by its place in the plan: one vacancy's is named by its stage's name, several vacancies' numbered. */
export const stageRefSchema = z.object({
  ordinal: z.number().int(),
  /** The names the stages at this place have in the vacancies reported on, sorted. */
  names: z.array(z.string()),
  numbered: z.boolean(),
});
export type StageRef = z.output<typeof stageRefSchema>;

export const stageSectionSchema = z.object({
  key: z.string(),
  label: z.string(),
  stage: stageRefSchema,
  candidates: z.number().int(),
  decisions: z.number().int(),
  groups: z.array(stageGroupSchema),
});

export const appointmentGroupSchema = z.object({
  ...groupBase,
  shortlisted: z.number().int().nullable(),
  appointed: z.number().int().nullable(),
  rate: z.number().nullable(),
  /** Reference group's appointment rate / this group's; above 1: this group less likely to be appointed. */
  relativeLikelihood: z.number().nullable(),
});

export const scoreGroupSchema = z.object({
  ...groupBase,
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  g: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  flagged: z.boolean(),
});
export type ScoreGroup = z.output<typeof scoreGroupSchema>;

export const scoreSectionSchema = z.object({ key: z.string(), label: z.string(), groups: z.array(scoreGroupSchema) });

export const fairnessCategorySchema = z.object({
  key: z.string(),
  label: z.string(),
  stages: z.array(stageSectionSchema),
  appointment: z.object({ referenceGroup: z.string().nullable(), referenceGroupKey: z.string().nullable(), groups: z.array(appointmentGroupSchema) }),
  competencies: z.array(scoreSectionSchema),
  questions: z.array(scoreSectionSchema),
});
export type FairnessCategory = z.output<typeof fairnessCategorySchema>;

/** What a flag rests on: the page and the CSV word its reading from these in the reader's language. */
export const fairnessFlagFactsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("four_fifths"),
    categoryKey: z.string(),
    groupKey: z.string(),
    stage: stageRefSchema,
    rate: z.number(),
    highestGroupKey: z.string(),
    highestRate: z.number(),
    impactRatio: z.number(),
    fisherP: z.number().nullable(),
  }),
  z.object({
    kind: z.literal("score_gap"),
    categoryKey: z.string(),
    groupKey: z.string(),
    what: z.enum(["competency", "question"]),
    /** The competency's name or the question's text, as the organisation wrote it. */
    label: z.string(),
    g: z.number(),
    ciLow: z.number(),
    ciHigh: z.number(),
  }),
]);
export type FairnessFlagFacts = z.output<typeof fairnessFlagFactsSchema>;

export const fairnessFlagSchema = z.object({
  kind: z.enum(["four_fifths", "score_gap"]),
  category: z.string(),
  group: z.string(),
  /** The stage, competency or question the flag is on. */
  where: z.string(),
  headline: z.string(),
  means: z.string(),
  doesNotProve: z.string(),
  lookAt: z.string(),
  facts: fairnessFlagFactsSchema,
});
export type FairnessFlag = z.output<typeof fairnessFlagSchema>;

export const fairnessReportSchema = z.object({
  status: z.enum(["ok", "too_few", "no_categories"]),
  /** Why nothing is shown, for too_few and no_categories. */
  message: z.string().nullable(),
  scope: z.object({ vacancyId: z.string().nullable(), vacancyTitle: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() }),
  minCell: z.number().int(),
  suppressedText: z.string(),
  suppressionNote: z.string(),
  candidates: z.number().int().nullable(),
  categories: z.array(fairnessCategorySchema),
  flags: z.array(fairnessFlagSchema),
});
export type FairnessReport = z.output<typeof fairnessReportSchema>;

export const fairnessReportScopesSchema = z.object({
  vacancies: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Whether the reader may see every vacancy together (HR and admins) or only their own (granted managers). */
  allVacancies: z.boolean(),
  categories: z.array(z.object({ key: z.string(), label: z.string() })),
  minCell: z.number().int(),
});
export type FairnessReportScopes = z.output<typeof fairnessReportScopesSchema>;

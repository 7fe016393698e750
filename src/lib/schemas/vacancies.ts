// Vacancies: every input and output of the vacancies procedures (the list, a vacancy's details and
// managers, its interview plan, the pipeline board and moving a candidate between stages). Zod only: the
// vacancy forms and the plan editor check their values with these before sending, and the pages take
// their types from here.
import { z } from "./zod";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { OUTCOME_LABELS } from "@/lib/debriefs/outcomes";
import { candidateStatusSchema, idSchema, optionalText, requiredText, roleSchema, vacancyStatusSchema } from "./common";

export type VacancyStatusValue = z.output<typeof vacancyStatusSchema>;
const decisionOutcomeSchema = z.enum(DecisionOutcome);

// ---- What people type ---------------------------------------------------------------------------------

/** A date as a date field sends it (YYYY-MM-DD), or blank / null for none; parsed to the string or null. */
const dateOnlySchema = z
  .union([z.literal(""), z.null(), z.iso.date("Enter a date as YYYY-MM-DD")])
  .transform((v) => (v ? v : null));

/** Number of posts: a whole number from 1 (forms send the field's text). */
const postsSchema = z.coerce
  .number({ message: "Enter the number of posts" })
  .int("The number of posts must be a whole number")
  .min(1, "A vacancy has at least 1 post")
  .max(999, "A vacancy has at most 999 posts");

export const CLOSES_BEFORE_OPENS = "The closing date must be on or after the opening date";

/**
 * The fields of the vacancy form. Blank department and location mean none; blank dates are null. The key
 * order is the order field errors are reported in.
 */
const vacancyFields = z.object({
  title: requiredText("Title", 120, "Enter the vacancy's title"),
  department: optionalText("Department", 120).transform((v) => v.trim()),
  location: optionalText("Location", 120).transform((v) => v.trim()),
  posts: postsSchema,
  status: vacancyStatusSchema,
  opensOn: dateOnlySchema,
  closesOn: dateOnlySchema,
});
export type VacancyFieldsInput = z.input<typeof vacancyFields>;
export const vacancyFieldNames = Object.keys(vacancyFields.shape) as Array<keyof VacancyFieldsInput>;

/** Closing on or after opening, said beside the closing date (ISO dates compare as text). */
function datesInOrder(value: { opensOn?: string | null; closesOn?: string | null }, ctx: z.RefinementCtx) {
  if (value.opensOn && value.closesOn && value.closesOn < value.opensOn) {
    ctx.addIssue({ code: "custom", path: ["closesOn"], message: CLOSES_BEFORE_OPENS });
  }
}

/**
 * A new vacancy. A hiring manager creating one becomes one of its managers; `managerIds` names more (admins
 * choose them; each must be a hiring manager or admin of the organisation). Left empty, the creator manages it.
 */
export const createVacancyInput = vacancyFields
  .extend({
    department: vacancyFields.shape.department.optional(),
    location: vacancyFields.shape.location.optional(),
    posts: postsSchema.optional(),
    status: vacancyStatusSchema.optional(),
    opensOn: dateOnlySchema.optional(),
    closesOn: dateOnlySchema.optional(),
    managerIds: z.array(idSchema).max(20, "A vacancy has at most 20 managers").optional(),
  })
  .superRefine(datesInOrder);
export type CreateVacancyInput = z.output<typeof createVacancyInput>;

/**
 * A vacancy's details as the settings form showed them. The form's check for a change made elsewhere compares
 * these, not the vacancy's updatedAt: saving the plan moves that too, and a details form opened before a plan
 * save (or reached again with Back) would be refused for nothing.
 */
export const shownVacancyDetails = z.object({
  title: z.string().max(200),
  department: z.string().max(200),
  location: z.string().max(200),
  posts: z.number().int(),
  status: vacancyStatusSchema,
  opensOn: z.string().max(10).nullable(),
  closesOn: z.string().max(10).nullable(),
});
export type ShownVacancyDetails = z.output<typeof shownVacancyDetails>;

/**
 * Any of the form's fields; a field left out is left as it is. `shown`: the details as the settings form
 * showed them; if they have changed since, the change is refused rather than overwriting them.
 */
export const updateVacancyInput = z
  .object({ id: idSchema, shown: shownVacancyDetails.optional() })
  .extend(vacancyFields.partial().shape)
  .superRefine(datesInOrder);
export type UpdateVacancyInput = z.output<typeof updateVacancyInput>;

/**
 * The vacancy's managers, all of them. `shown`: the managers as the form showed them (in any order); when they
 * were changed elsewhere since, the save is refused (CONFLICT) rather than putting back someone taken off.
 */
export const setVacancyManagersInput = z.object({
  id: idSchema,
  userIds: z.array(idSchema).min(1, "A vacancy needs at least one manager").max(20, "A vacancy has at most 20 managers"),
  shown: z.array(idSchema).max(20).optional(),
});
export type SetVacancyManagersInput = z.output<typeof setVacancyManagersInput>;

export const listVacanciesInput = z.object({ status: vacancyStatusSchema.optional() }).default({});
export type ListVacanciesInput = z.output<typeof listVacanciesInput>;

export const vacancyIdInput = z.object({ id: idSchema });
export type VacancyIdInput = z.output<typeof vacancyIdInput>;

// ---- The interview plan -------------------------------------------------------------------------------

/** A stage's competency weight, on the script's own scale (0-100, as its targets are weighted). */
export const stageWeightSchema = z.object({
  competencyId: idSchema,
  weight: z.coerce
    .number({ message: "Enter a weight" })
    .int("A weight must be a whole number")
    .min(0, "A weight must be between 0 and 100")
    .max(100, "A weight must be between 0 and 100"),
});

/** One stage as the plan editor sends it: `id` for a stage that exists, none for a new one. */
export const planStageInput = z.object({
  id: idSchema.optional(),
  name: requiredText("Stage name", 80, "Enter the stage's name"),
  scriptVersionId: idSchema.nullable(),
  counts: z.boolean(),
  /** Null: the script version's own weights. */
  weights: z.array(stageWeightSchema).max(50).nullable(),
  panelUserIds: z.array(idSchema).max(12, "A default panel has at most 12 members"),
});
export type PlanStageInput = z.output<typeof planStageInput>;

/**
 * The whole plan, in order. `baseUpdatedAt` is the plan's version as the editor loaded it (the plan's
 * `updatedAt`, the vacancy's planUpdatedAt, which its details leave as it is): a plan changed since (another
 * tab or person) is refused rather than overwritten, unless it already is exactly this plan (a second click on
 * Save).
 */
export const savePlanInput = z.object({
  id: idSchema,
  baseUpdatedAt: z.date(),
  stages: z
    .array(planStageInput)
    .max(12, "A plan has at most 12 stages")
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      stages.forEach((s, i) => {
        const key = s.name.trim().toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Two stages can't have the same name" });
        seen.add(key);
      });
    }),
});
export type SavePlanInput = z.output<typeof savePlanInput>;

/**
 * `shown`: where the board's card showed the candidate (their stage and status); when they were moved or
 * decided elsewhere since, the move is refused (CONFLICT) rather than undoing what its author never saw.
 */
export const moveCandidateInput = z.object({
  candidateId: idSchema,
  stageId: idSchema,
  shown: z.object({ stageId: idSchema.nullable(), status: candidateStatusSchema }).optional(),
});
export type MoveCandidateInput = z.output<typeof moveCandidateInput>;

// ---- What is shown ------------------------------------------------------------------------------------

const personSchema = z.object({ userId: z.string(), name: z.string() });

export const candidateCountsSchema = z.object({
  total: z.number().int(),
  ACTIVE: z.number().int(),
  HIRED: z.number().int(),
  RESERVE: z.number().int(),
  REJECTED: z.number().int(),
  WITHDRAWN: z.number().int(),
});
export type CandidateCounts = z.output<typeof candidateCountsSchema>;

/** Dates are sent as YYYY-MM-DD (a vacancy's dates have no time of day). */
export const vacancySchema = z.object({
  id: z.string(),
  title: z.string(),
  department: z.string(),
  location: z.string(),
  posts: z.number().int(),
  status: vacancyStatusSchema,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  updatedAt: z.date(),
  managers: z.array(personSchema),
  /** Candidates per status, counting those within the caller's scope (see `scoped`). */
  counts: candidateCountsSchema,
  /** Whether the caller may change it (vacancies:write and one of its managers, or an admin). */
  canEdit: z.boolean(),
});
export type VacancyRow = z.output<typeof vacancySchema>;

export const vacancyListSchema = z.object({
  vacancies: z.array(vacancySchema),
  /** True when counts cover only the candidates within the caller's scope (a hiring manager's). */
  scoped: z.boolean(),
});

export const vacancyPageSchema = vacancySchema.extend({
  scoped: z.boolean(),
  stages: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int() })),
  /** Members who may manage a vacancy (hiring managers and admins), for the managers form. */
  managerOptions: z.array(personSchema.extend({ role: roleSchema })),
});
export type VacancyPage = z.output<typeof vacancyPageSchema>;

export const createdVacancySchema = z.object({ id: z.string() });

export const planStageSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  scriptVersionId: z.string().nullable(),
  counts: z.boolean(),
  /** The stage's own weights, or null when it uses the script version's. */
  weights: z.array(z.object({ competencyId: z.string(), weight: z.number().int() })).nullable(),
  panel: z.array(personSchema),
  /** What keeps the stage from being removed. */
  candidates: z.number().int(),
  interviews: z.number().int(),
  debriefs: z.number().int(),
});
export type PlanStage = z.output<typeof planStageSchema>;

export const scriptVersionOptionSchema = z.object({
  versionId: z.string(),
  title: z.string(),
  version: z.number().int(),
  /** Whether it may be chosen now (published, script not archived); an unusable one is listed only when a stage uses it. */
  usable: z.boolean(),
  weights: z.array(z.object({ competencyId: z.string(), name: z.string(), weight: z.number().int() })),
});
export type ScriptVersionOption = z.output<typeof scriptVersionOptionSchema>;

export const planSchema = z.object({
  vacancyId: z.string(),
  title: z.string(),
  /** When the plan was last saved (not the vacancy's details). */
  updatedAt: z.date(),
  canEdit: z.boolean(),
  stages: z.array(planStageSchema),
  scriptVersions: z.array(scriptVersionOptionSchema),
  members: z.array(personSchema.extend({ role: roleSchema })),
});
export type Plan = z.output<typeof planSchema>;

/** The plan as saved; `changed` is false when it already was exactly this plan (a repeated save). */
export const savedPlanSchema = planSchema.extend({ changed: z.boolean() });

/** What a candidate at a stage is waiting on, from interview, scorecard, debrief and decision status only. */
export const waitingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("NOT_SCHEDULED") }),
  z.object({ kind: z.literal("WAITING"), names: z.array(z.string()), submitted: z.number().int(), seats: z.number().int() }),
  z.object({ kind: z.literal("READY") }),
  z.object({ kind: z.literal("DEBRIEF_OPEN") }),
  z.object({ kind: z.literal("DECIDED"), outcome: decisionOutcomeSchema }),
  z.object({ kind: z.literal("NONE") }),
]);
export type Waiting = z.output<typeof waitingSchema>;

export const pipelineCardSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  status: candidateStatusSchema,
  stageId: z.string().nullable(),
  erased: z.boolean(),
  /** The debrief at the current stage, when the access rule lets the reader see it. */
  debriefId: z.string().nullable(),
  waiting: waitingSchema,
  /** The same, as one sentence ("Waiting on Ada, Ben (1 of 3 submitted)"). */
  waitingText: z.string(),
});
export type PipelineCard = z.output<typeof pipelineCardSchema>;

export const pipelineColumnSchema = z.object({
  /** A stage id, or the end columns APPOINTED, RESERVE, REJECTED, WITHDRAWN (and UNPLACED when needed). */
  key: z.string(),
  label: z.string(),
  kind: z.enum(["stage", "end", "unplaced"]),
  count: z.number().int(),
  cards: z.array(pipelineCardSchema),
});
export type PipelineColumn = z.output<typeof pipelineColumnSchema>;

export const pipelineSchema = z.object({
  vacancy: z.object({ id: z.string(), title: z.string(), status: vacancyStatusSchema }),
  stages: z.array(z.object({ id: z.string(), name: z.string() })),
  columns: z.array(pipelineColumnSchema),
  total: z.number().int(),
  scoped: z.boolean(),
  /** Whether the caller may move candidates between stages. */
  canMove: z.boolean(),
});
export type Pipeline = z.output<typeof pipelineSchema>;

export const movedCandidateSchema = z.object({
  candidateId: z.string(),
  stageId: z.string(),
  status: candidateStatusSchema,
  moved: z.boolean(),
});

// ---- Words shown for statuses (server and pages alike) -----------------------------------------------

export const VACANCY_STATUS_LABELS = { OPEN: "Open", ON_HOLD: "On hold", FILLED: "Filled", CLOSED: "Closed" } as const satisfies Record<
  VacancyStatusValue,
  string
>;

/** The pipeline's columns after the stages: where a candidate goes once the process has ended for them. */
export const END_COLUMNS = [
  { key: "APPOINTED", label: "Appointed", status: "HIRED" },
  { key: "RESERVE", label: "Reserve", status: "RESERVE" },
  { key: "REJECTED", label: "Rejected", status: "REJECTED" },
  { key: "WITHDRAWN", label: "Withdrawn", status: "WITHDRAWN" },
] as const;

/** What a pipeline card says its candidate is waiting on. */
export function describeWaiting(waiting: Waiting): string {
  switch (waiting.kind) {
    case "NOT_SCHEDULED":
      return "Not scheduled";
    case "WAITING":
      return `Waiting on ${waiting.names.join(", ")} (${waiting.submitted} of ${waiting.seats} submitted)`;
    case "READY":
      return "Ready for debrief";
    case "DEBRIEF_OPEN":
      return "Debrief open";
    case "DECIDED":
      return `Decided: ${OUTCOME_LABELS[waiting.outcome]}`;
    case "NONE":
      return "No decision recorded";
  }
}

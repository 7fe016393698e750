// Interview scripts, their versions, sections and items: every input and output of the scripts
// procedures. Zod only: the builder and the new-script form check their values with these before
// sending, the services take their input types from here, and the builder's document types build on the
// item and content shapes below.
import { z } from "./zod";
import { idSchema, scriptStatusSchema, searchTextSchema } from "./common";

/** Longest script title the API accepts (a duplicate's "Copy of" prefix is cut to fit). */
export const SCRIPT_TITLE_MAX = 200;
/** Most questions a script may hold across all its sections. */
export const MAX_SCRIPT_ITEMS = 100;
export const MAX_COMPETENCIES_PER_ITEM = 3;

// ---- Fields -------------------------------------------------------------------------------------------

export const scriptTitleSchema = z
  .string()
  .trim()
  .min(1, "Title is required")
  .max(SCRIPT_TITLE_MAX, `Title must be at most ${SCRIPT_TITLE_MAX} characters`);
/** The role a script hires for (free text), not a member's role in the organisation. */
export const scriptRoleSchema = z.string().trim().min(1, "Role is required").max(120, "Role must be at most 120 characters");
export const plannedMinutesSchema = z
  .number()
  .int("Planned minutes must be a whole number")
  .min(5, "Planned minutes must be between 5 and 480")
  .max(480, "Planned minutes must be between 5 and 480");
/** The script's updatedAt as the caller last saw it: a write from an older state is refused. */
export const baseUpdatedAtSchema = z.date("Reload the script: the version you started from is unknown");

/** Adds an issue at `index.key` for every repeat of a value already seen earlier in the list. */
const noRepeats =
  <T>(valueOf: (entry: T) => string, message: string, key?: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const value = valueOf(entry);
      if (seen.has(value)) ctx.addIssue({ code: "custom", message, path: key ? [index, key] : [index] });
      seen.add(value);
    });
  };

// ---- Content of a version -----------------------------------------------------------------------------

export const scriptTargetSchema = z.object({
  competencyId: idSchema,
  weight: z
    .number()
    .int("Weight must be a whole number")
    .min(0, "Weight must be between 0 and 100")
    .max(100, "Weight must be between 0 and 100"),
});
export type ScriptTarget = z.output<typeof scriptTargetSchema>;

export const scriptItemSchema = z.object({
  questionId: idSchema.nullable(),
  text: z.string().trim().min(1, "Question text is required").max(2000, "Question text must be at most 2000 characters"),
  minutes: z
    .number()
    .int("Minutes must be a whole number")
    .min(1, "Minutes must be between 1 and 120")
    .max(120, "Minutes must be between 1 and 120"),
  goodAnswer: z.string().max(5000, "What a good answer covers must be at most 5000 characters"),
  exampleAnswer: z.string().max(10_000, "The example answer must be at most 10000 characters"),
  probes: z
    .array(z.string().trim().min(1, "A follow-up question cannot be empty").max(500, "A follow-up question must be at most 500 characters"))
    .max(10, "Add at most 10 follow-up questions"),
  required: z.boolean(),
  // A draft may hold a question not tagged yet (a custom one just written); publishing needs one to three.
  competencyIds: z
    .array(idSchema)
    .max(MAX_COMPETENCIES_PER_ITEM, "Choose at most three competencies")
    .superRefine(noRepeats((id: string) => id, "Each competency can be chosen once")),
});
/** One question of a script version, as stored and as sent. */
export type ScriptItemContent = z.output<typeof scriptItemSchema>;

export const scriptSectionSchema = z.object({
  title: z.string().trim().min(1, "Section title is required").max(120, "Section title must be at most 120 characters"),
  items: z.array(scriptItemSchema).max(50, "A section can hold at most 50 questions"),
});

/** A version's content: what a draft save sends, a duplicate copies and publishing checks. */
export const scriptContentSchema = z.object({
  instructions: z.string().max(5000, "Instructions must be at most 5000 characters"),
  plannedMinutes: plannedMinutesSchema,
  targets: z
    .array(scriptTargetSchema)
    .max(15, "Choose at most 15 target competencies")
    .superRefine(noRepeats((t: { competencyId: string }) => t.competencyId, "This competency is already a target", "competencyId")),
  sections: z
    .array(scriptSectionSchema)
    .min(1, "A script needs at least one section")
    .max(20, "A script can have at most 20 sections")
    .superRefine((sections, ctx) => {
      const total = sections.reduce((sum, s) => sum + s.items.length, 0);
      if (total > MAX_SCRIPT_ITEMS) {
        ctx.addIssue({ code: "custom", message: `A script can hold at most ${MAX_SCRIPT_ITEMS} questions (now ${total})` });
      }
    }),
});
export type ScriptContent = z.output<typeof scriptContentSchema>;

// ---- Inputs -------------------------------------------------------------------------------------------

export const scriptByIdInput = z.object({ id: idSchema });
export type ScriptByIdInput = z.output<typeof scriptByIdInput>;

export const listScriptsInput = z
  .object({
    query: searchTextSchema.optional(),
    role: z.string().max(120).optional(),
    status: scriptStatusSchema.optional(),
  })
  .default({});
export type ListScriptsInput = z.output<typeof listScriptsInput>;

/** The new-script form (the router adds the submission's idempotency key). */
export const createScriptInput = z.object({
  title: scriptTitleSchema,
  role: scriptRoleSchema,
  plannedMinutes: plannedMinutesSchema.default(60),
});
export type CreateScriptInput = z.output<typeof createScriptInput>;

export const saveScriptDraftInput = z.object({
  id: idSchema,
  baseUpdatedAt: baseUpdatedAtSchema,
  title: scriptTitleSchema,
  role: scriptRoleSchema,
  ...scriptContentSchema.shape,
});
export type SaveScriptDraftInput = z.output<typeof saveScriptDraftInput>;

export const publishScriptInput = z.object({ id: idSchema, baseUpdatedAt: baseUpdatedAtSchema });
export type PublishScriptInput = z.output<typeof publishScriptInput>;

export const printableScriptInput = z.object({ id: idSchema, versionId: idSchema.optional() });
export type PrintableScriptInput = z.output<typeof printableScriptInput>;

// ---- Outputs ------------------------------------------------------------------------------------------
// Scripts hold no personal data: these outputs are kept as the shape the builder, the print page, the
// authorization matrix and the wire tests rely on; the list's also checks the rows of its raw SQL, and the
// creates' the answer a repeated submission replays.

export const scriptIdOutput = z.object({ id: z.string() });

export const scriptListOutput = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    role: z.string(),
    status: scriptStatusSchema,
    latestVersion: z.number().int(),
    publishedVersion: z.number().int().nullable(),
    hasUnpublishedDraft: z.boolean(),
    itemCount: z.number().int(),
    totalMinutes: z.number().int(),
    updatedAt: z.date(),
  }),
);
export type ScriptListRow = z.output<typeof scriptListOutput>[number];

export const scriptRolesOutput = z.array(z.string());

/** What a question tells the panel: its text, time and guidance (the builder and the printed guide). */
const itemGuideOutput = z.object({
  text: z.string(),
  minutes: z.number().int(),
  goodAnswer: z.string(),
  exampleAnswer: z.string(),
  probes: z.array(z.string()),
  required: z.boolean(),
});

const itemOutputSchema = itemGuideOutput.extend({
  id: z.string(),
  questionId: z.string().nullable(),
  competencyIds: z.array(z.string()),
});

const versionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  interviewCount: z.number().int(),
});

export const scriptOutput = z.object({
  id: z.string(),
  title: z.string(),
  role: z.string(),
  status: scriptStatusSchema,
  updatedAt: z.date(),
  canEdit: z.boolean(),
  version: versionSummarySchema.extend({
    instructions: z.string(),
    plannedMinutes: z.number().int(),
    targets: z.array(z.object({ competencyId: z.string(), weight: z.number().int() })),
    sections: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(itemOutputSchema) })),
  }),
  versions: z.array(versionSummarySchema),
});

export const saveScriptDraftOutput = z.object({
  versionId: z.string(),
  version: z.number().int(),
  updatedAt: z.date(),
  createdNewVersion: z.boolean(),
});

export const publishScriptOutput = z.object({ versionId: z.string(), version: z.number().int(), updatedAt: z.date() });

export const scriptIdAndStatusOutput = z.object({ id: z.string(), status: scriptStatusSchema });

const anchorSchema = z.object({ level: z.number().int(), description: z.string() });
/** Texts in other languages by locale and field (issue 23): { "es": { "text": "..." } }. */
const translationsSchema = z.record(z.string(), z.record(z.string(), z.string()));

export const printableScriptOutput = z.object({
  title: z.string(),
  role: z.string(),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  instructions: z.string(),
  plannedMinutes: z.number().int(),
  totalMinutes: z.number().int(),
  sections: z.array(
    z.object({
      title: z.string(),
      items: z.array(
        itemGuideOutput.extend({
          translations: translationsSchema,
          competencies: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              definition: z.string(),
              translations: translationsSchema,
              anchors: z.array(anchorSchema.extend({ translations: translationsSchema })),
            }),
          ),
        }),
      ),
    }),
  ),
});

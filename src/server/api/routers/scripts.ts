import { z } from "zod";
import { ScriptStatus } from "@/generated/prisma/enums";
import { archiveScript, restoreScript } from "@/server/services/scripts/archive-script";
import { createScript, SCRIPT_TITLE_MAX } from "@/server/services/scripts/create-script";
import { duplicateScript } from "@/server/services/scripts/duplicate-script";
import { getPrintableScript } from "@/server/services/scripts/get-printable-script";
import { getScript } from "@/server/services/scripts/get-script";
import { listScriptRoles, listScripts } from "@/server/services/scripts/list-scripts";
import { publishScript } from "@/server/services/scripts/publish-script";
import { saveScriptDraft } from "@/server/services/scripts/save-script-draft";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

const MAX_TOTAL_ITEMS = 100;

const statusSchema = z.enum(Object.values(ScriptStatus) as [ScriptStatus, ...ScriptStatus[]]);
const idSchema = z.string().min(1, "Id is required").max(64);
const titleSchema = z
  .string()
  .trim()
  .min(1, "Title is required")
  .max(SCRIPT_TITLE_MAX, `Title must be at most ${SCRIPT_TITLE_MAX} characters`);
const roleSchema = z.string().trim().min(1, "Role is required").max(120, "Role must be at most 120 characters");
const plannedMinutesSchema = z
  .number()
  .int("Planned minutes must be a whole number")
  .min(5, "Planned minutes must be between 5 and 480")
  .max(480, "Planned minutes must be between 5 and 480");
const baseUpdatedAtSchema = z.date("Reload the script: the version you started from is unknown");

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

const targetSchema = z.object({
  competencyId: idSchema,
  weight: z
    .number()
    .int("Weight must be a whole number")
    .min(0, "Weight must be between 0 and 100")
    .max(100, "Weight must be between 0 and 100"),
});

const itemInputSchema = z.object({
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
    .max(3, "Choose at most three competencies")
    .superRefine(noRepeats((id: string) => id, "Each competency can be chosen once")),
});

const sectionInputSchema = z.object({
  title: z.string().trim().min(1, "Section title is required").max(120, "Section title must be at most 120 characters"),
  items: z.array(itemInputSchema).max(50, "A section can hold at most 50 questions"),
});

const saveDraftInputSchema = z.object({
  id: idSchema,
  baseUpdatedAt: baseUpdatedAtSchema,
  title: titleSchema,
  role: roleSchema,
  instructions: z.string().max(5000, "Instructions must be at most 5000 characters"),
  plannedMinutes: plannedMinutesSchema,
  targets: z
    .array(targetSchema)
    .max(15, "Choose at most 15 target competencies")
    .superRefine(noRepeats((t: { competencyId: string }) => t.competencyId, "This competency is already a target", "competencyId")),
  sections: z
    .array(sectionInputSchema)
    .min(1, "A script needs at least one section")
    .max(20, "A script can have at most 20 sections")
    .superRefine((sections, ctx) => {
      const total = sections.reduce((sum, s) => sum + s.items.length, 0);
      if (total > MAX_TOTAL_ITEMS) {
        ctx.addIssue({ code: "custom", message: `A script can hold at most ${MAX_TOTAL_ITEMS} questions (now ${total})` });
      }
    }),
});

const anchorSchema = z.object({ level: z.number().int(), description: z.string() });

const itemOutputSchema = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  text: z.string(),
  minutes: z.number().int(),
  goodAnswer: z.string(),
  exampleAnswer: z.string(),
  probes: z.array(z.string()),
  required: z.boolean(),
  competencyIds: z.array(z.string()),
});

const versionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  interviewCount: z.number().int(),
});

const idAndStatusSchema = z.object({ id: z.string(), status: statusSchema });

export const scriptsRouter = createTRPCRouter({
  list: orgProcedure("scripts:read")
    .input(
      z
        .object({
          query: z.string().max(200, "Search text must be at most 200 characters").optional(),
          role: z.string().max(120).optional(),
          status: statusSchema.optional(),
        })
        .default({}),
    )
    .output(
      z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          role: z.string(),
          status: statusSchema,
          latestVersion: z.number().int(),
          publishedVersion: z.number().int().nullable(),
          hasUnpublishedDraft: z.boolean(),
          itemCount: z.number().int(),
          totalMinutes: z.number().int(),
          updatedAt: z.date(),
        }),
      ),
    )
    .query(({ ctx, input }) => listScripts(ctx.db, ctx.actor, input)),

  roles: orgProcedure("scripts:read")
    .output(z.array(z.string()))
    .query(({ ctx }) => listScriptRoles(ctx.db, ctx.actor)),

  create: orgProcedure("scripts:write")
    .input(z.object({ title: titleSchema, role: roleSchema, plannedMinutes: plannedMinutesSchema.default(60), ...withIdempotencyKey }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "scripts.create", input, (data) => createScript(ctx.db, ctx.actor, data))),

  get: orgProcedure("scripts:read")
    .input(z.object({ id: idSchema }))
    .output(
      z.object({
        id: z.string(),
        title: z.string(),
        role: z.string(),
        status: statusSchema,
        updatedAt: z.date(),
        canEdit: z.boolean(),
        version: versionSummarySchema.extend({
          instructions: z.string(),
          plannedMinutes: z.number().int(),
          targets: z.array(z.object({ competencyId: z.string(), weight: z.number().int() })),
          sections: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(itemOutputSchema) })),
        }),
        versions: z.array(versionSummarySchema),
      }),
    )
    .query(({ ctx, input }) => getScript(ctx.db, ctx.actor, input)),

  saveDraft: orgProcedure("scripts:write")
    .input(saveDraftInputSchema)
    .output(
      z.object({ versionId: z.string(), version: z.number().int(), updatedAt: z.date(), createdNewVersion: z.boolean() }),
    )
    .mutation(({ ctx, input }) => saveScriptDraft(ctx.db, ctx.actor, input)),

  publish: orgProcedure("scripts:write")
    .input(z.object({ id: idSchema, baseUpdatedAt: baseUpdatedAtSchema }))
    .output(z.object({ versionId: z.string(), version: z.number().int(), updatedAt: z.date() }))
    .mutation(({ ctx, input }) => publishScript(ctx.db, ctx.actor, input)),

  duplicate: orgProcedure("scripts:write")
    .input(z.object({ id: idSchema, ...withIdempotencyKey }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "scripts.duplicate", input, (data) => duplicateScript(ctx.db, ctx.actor, data))),

  archive: orgProcedure("scripts:write")
    .input(z.object({ id: idSchema }))
    .output(idAndStatusSchema)
    .mutation(({ ctx, input }) => archiveScript(ctx.db, ctx.actor, input)),

  restore: orgProcedure("scripts:write")
    .input(z.object({ id: idSchema }))
    .output(idAndStatusSchema)
    .mutation(({ ctx, input }) => restoreScript(ctx.db, ctx.actor, input)),

  printable: orgProcedure("scripts:read")
    .input(z.object({ id: idSchema, versionId: idSchema.optional() }))
    .output(
      z.object({
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
              z.object({
                text: z.string(),
                minutes: z.number().int(),
                goodAnswer: z.string(),
                exampleAnswer: z.string(),
                probes: z.array(z.string()),
                required: z.boolean(),
                competencies: z.array(
                  z.object({ id: z.string(), name: z.string(), definition: z.string(), anchors: z.array(anchorSchema) }),
                ),
              }),
            ),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getPrintableScript(ctx.db, ctx.actor, input)),
});

// Organisations' own question banks: create, edit, copy into and import. Every procedure writes (or reads
// for a writer), so all need banks:write; the services refuse built-in banks and hide other organisations'.
import { z } from "zod";
import { addQuestion } from "@/server/services/banks/add-question";
import { confirmImport } from "@/server/services/banks/confirm-import";
import { copyQuestion } from "@/server/services/banks/copy-question";
import { createBank } from "@/server/services/banks/create-bank";
import { deleteBank } from "@/server/services/banks/delete-bank";
import { deleteQuestion } from "@/server/services/banks/delete-question";
import { getOwnBank, listOwnBanks } from "@/server/services/banks/list-own-banks";
import { previewImport } from "@/server/services/banks/preview-import";
import { updateBank } from "@/server/services/banks/update-bank";
import { updateQuestion } from "@/server/services/banks/update-question";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

const idSchema = z.string().min(1).max(64);
const slugSchema = z.string().min(1).max(64);

const bankNameSchema = z
  .string()
  .trim()
  .min(2, "Give the bank a name of at least 2 characters")
  .max(120, "Keep the bank name to 120 characters");
const bankRoleSchema = z.string().trim().max(120, "Keep the role to 120 characters").optional();
const bankDetailsSchema = z.object({
  name: bankNameSchema,
  role: bankRoleSchema,
  description: z.string().trim().max(2000, "Keep the description to 2000 characters").optional(),
});

export const competencySlugsSchema = z
  .array(slugSchema)
  .min(1, "Choose at least one competency")
  .max(3, "Choose at most three competencies")
  .refine((slugs) => new Set(slugs).size === slugs.length, "Choose each competency once");

/** The fields a person writes for a question, when adding, editing or importing it. */
export const questionFieldsSchema = z.object({
  text: z
    .string()
    .trim()
    .min(5, "Write the question (at least 5 characters)")
    .max(2000, "Keep the question to 2000 characters"),
  assesses: z.string().trim().max(5000, "Keep what it assesses to 5000 characters"),
  howToAnswer: z.string().trim().max(5000, "Keep what a good answer covers to 5000 characters"),
  exampleAnswer: z.string().trim().max(10_000, "Keep the example answer to 10000 characters"),
  competencySlugs: competencySlugsSchema,
});

const problemSchema = z.object({
  line: z.number().int(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  entryIndex: z.number().int().optional(),
});

const idOutput = z.object({ id: z.string() });

export const bankAdminRouter = createTRPCRouter({
  myBanks: orgProcedure("banks:write")
    .output(z.array(z.object({ id: z.string(), name: z.string(), questionCount: z.number().int() })))
    .query(({ ctx }) => listOwnBanks(ctx.db, ctx.actor)),

  ownBank: orgProcedure("banks:write")
    .input(z.object({ id: idSchema }))
    .output(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.string().nullable(),
        description: z.string().nullable(),
        source: z.string().nullable(),
        questions: z.array(
          z.object({
            id: z.string(),
            position: z.number().int(),
            text: z.string(),
            textReconstructed: z.boolean(),
            competencies: z.array(z.object({ slug: z.string(), name: z.string() })),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getOwnBank(ctx.db, ctx.actor, input.id)),

  createBank: orgProcedure("banks:write")
    .input(bankDetailsSchema.extend(withIdempotencyKey))
    .output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.createBank", input, (data) => createBank(ctx.db, ctx.actor, data))),

  updateBank: orgProcedure("banks:write")
    .input(bankDetailsSchema.extend({ id: idSchema }))
    .output(idOutput)
    .mutation(({ ctx, input }) => updateBank(ctx.db, ctx.actor, input)),

  deleteBank: orgProcedure("banks:write")
    .input(z.object({ id: idSchema }))
    .output(idOutput)
    .mutation(({ ctx, input }) => deleteBank(ctx.db, ctx.actor, input.id)),

  addQuestion: orgProcedure("banks:write")
    .input(questionFieldsSchema.extend({ bankId: idSchema, ...withIdempotencyKey }))
    .output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.addQuestion", input, (data) => addQuestion(ctx.db, ctx.actor, data))),

  updateQuestion: orgProcedure("banks:write")
    .input(questionFieldsSchema.extend({ id: idSchema }))
    .output(idOutput)
    .mutation(({ ctx, input }) => updateQuestion(ctx.db, ctx.actor, input)),

  deleteQuestion: orgProcedure("banks:write")
    .input(z.object({ id: idSchema }))
    .output(z.object({ id: z.string(), bankId: z.string() }))
    .mutation(({ ctx, input }) => deleteQuestion(ctx.db, ctx.actor, input.id)),

  copyQuestion: orgProcedure("banks:write")
    .input(z.object({ questionId: idSchema, bankId: idSchema, ...withIdempotencyKey }))
    .output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.copyQuestion", input, (data) => copyQuestion(ctx.db, ctx.actor, data))),

  // A mutation although it writes nothing: an article is too long for a GET request's URL.
  previewImport: orgProcedure("banks:write")
    .input(
      z.object({
        source: z
          .string()
          .min(1, "Paste the article's text or upload its file")
          .max(300_000, "The article is too long: at most 300,000 characters"),
        questionTexts: z
          .record(z.string().regex(/^[1-9]\d{0,2}$/, "Entry numbers run from 1 to 999"), z.string().trim().min(1).max(2000))
          .optional(),
      }),
    )
    .output(
      z.object({
        title: z.string().nullable(),
        role: z.string().nullable(),
        questions: z.array(
          z.object({
            index: z.number().int(),
            line: z.number().int(),
            text: z.string().nullable(),
            assesses: z.string(),
            howToAnswer: z.string(),
            exampleAnswer: z.string(),
            competencies: z.array(z.string()),
          }),
        ),
        problems: z.array(problemSchema),
      }),
    )
    .mutation(({ ctx, input }) => previewImport(ctx.actor, input)),

  confirmImport: orgProcedure("banks:write")
    .input(
      z.object({
        target: z.union([
          z.object({ bankId: idSchema }),
          z.object({ newBank: z.object({ name: bankNameSchema, role: bankRoleSchema }) }),
        ]),
        /** The article's title, kept with each question as its source. */
        source: z.string().trim().max(300).optional(),
        questions: z
          .array(
            questionFieldsSchema.extend({
              /** The entry's number in the article. */
              entry: z.number().int().min(1).max(999).optional(),
              /** The article had no question sentence and the person wrote this one. */
              textReconstructed: z.boolean().optional(),
            }),
          )
          .min(1, "Include at least one question")
          .max(200, "Import at most 200 questions at a time"),
        ...withIdempotencyKey,
      }),
    )
    .output(z.object({ bankId: z.string(), imported: z.number().int() }))
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.confirmImport", input, (data) => confirmImport(ctx.db, ctx.actor, data))),
});

// Question banks, their questions and the competency framework: every input and output of the banks and
// bankAdmin procedures. Zod only: the bank forms check their values with these before sending, and the
// services take their input types from here.
import { z } from "./zod";
import { translationsFrom } from "@/lib/localized-text";
import { MAX_BANK_HEADER_CHARS } from "@/lib/bank-article/formats/bank-columns";
import { MAX_BANK_FILE_BYTES } from "@/lib/bank-article/formats/file-limits";
import { formBaseUpdatedAtSchema, idSchema, searchTextSchema, slugSchema } from "./common";

// ---- Bank details -------------------------------------------------------------------------------------

export const bankNameSchema = z
  .string()
  .trim()
  .min(2, "Give the bank a name of at least 2 characters")
  .max(120, "Keep the bank name to 120 characters");
export const bankRoleSchema = z.string().trim().max(120, "Keep the role to 120 characters").optional();

export const bankDetailsSchema = z.object({
  name: bankNameSchema,
  role: bankRoleSchema,
  description: z.string().trim().max(2000, "Keep the description to 2000 characters").optional(),
});
export type BankDetailsInput = z.output<typeof bankDetailsSchema>;

export const byIdSchema = z.object({ id: idSchema });
/** `baseUpdatedAt`: the bank's updatedAt as the details form showed it; details changed since are not overwritten. */
export const updateBankInput = bankDetailsSchema.extend({ id: idSchema, baseUpdatedAt: formBaseUpdatedAtSchema });
export type UpdateBankInput = z.output<typeof updateBankInput>;

// ---- Questions ----------------------------------------------------------------------------------------

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
  /** One to three, the first being the main one. */
  competencySlugs: competencySlugsSchema,
});
export type QuestionFields = z.output<typeof questionFieldsSchema>;

export const addQuestionInput = questionFieldsSchema.extend({ bankId: idSchema });
export type AddQuestionInput = z.output<typeof addQuestionInput>;
export const updateQuestionInput = questionFieldsSchema.extend({
  id: idSchema,
  baseUpdatedAt: formBaseUpdatedAtSchema,
});
export type UpdateQuestionInput = z.output<typeof updateQuestionInput>;
export const copyQuestionInput = z.object({ questionId: idSchema, bankId: idSchema });
export type CopyQuestionInput = z.output<typeof copyQuestionInput>;

export const searchQuestionsInput = z.object({
  bankId: idSchema.optional(),
  competency: slugSchema.optional(),
  query: searchTextSchema.optional(),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type SearchQuestionsInput = z.output<typeof searchQuestionsInput>;

// ---- Article import -----------------------------------------------------------------------------------

export const MAX_ARTICLE_CHARS = 300_000;

// A mutation's input although it writes nothing: an article is too long for a GET request's URL.
export const previewImportInput = z.object({
  source: z
    .string()
    .min(1, "Paste the article's text or upload its file")
    .max(MAX_ARTICLE_CHARS, "The article is too long: at most 300,000 characters"),
  /** How to read the text; without it, as it looks (HTML tags, Markdown markers, else plain text). */
  format: z.enum(["text", "markdown", "html"]).optional(),
  questionTexts: z
    .record(z.string().regex(/^[1-9]\d{0,2}$/, "Entry numbers run from 1 to 999"), z.string().trim().min(1).max(2000))
    .optional(),
});
export type PreviewImportInput = z.output<typeof previewImportInput>;

/** A spreadsheet's columns for the import's fields, by header name (null: not in the sheet). */
const mappedHeader = z.string().max(MAX_BANK_HEADER_CHARS).nullable();
export const bankColumnMappingSchema = z
  .object({ text: mappedHeader, assesses: mappedHeader, howToAnswer: mappedHeader, exampleAnswer: mappedHeader, competencies: mappedHeader })
  .partial();

// A question-bank file (Markdown, HTML, Word, CSV, .xlsx or plain text) sent base64-encoded.
export const previewImportFileInput = z.object({
  fileName: z.string().trim().min(1, "Choose a file").max(255),
  content: z
    .string()
    .min(1, "The file is empty")
    .max(Math.ceil(MAX_BANK_FILE_BYTES / 3) * 4, `The file is too big: at most ${(MAX_BANK_FILE_BYTES / 1_000_000).toFixed(1)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file was not sent as base64"),
  /** The columns the person chose for a spreadsheet; remembered for the organisation's next import. */
  mapping: bankColumnMappingSchema.optional(),
  questionTexts: previewImportInput.shape.questionTexts,
});
export type PreviewImportFileInput = z.output<typeof previewImportFileInput>;

export const importTargetSchema = z.union([
  z.object({ bankId: idSchema }),
  z.object({ newBank: z.object({ name: bankNameSchema, role: bankRoleSchema }) }),
]);

export const importedQuestionSchema = questionFieldsSchema.extend({
  /** The entry's number in the article. */
  entry: z.number().int().min(1).max(999).optional(),
  /** The article had no question sentence and the person wrote this one. */
  textReconstructed: z.boolean().optional(),
});

export const confirmImportInput = z.object({
  target: importTargetSchema,
  /** The article's title, kept with each question as its source. */
  source: z.string().trim().max(300).optional(),
  questions: z
    .array(importedQuestionSchema)
    .min(1, "Include at least one question")
    .max(200, "Import at most 200 questions at a time"),
  /** A spreadsheet's column mapping, remembered for the organisation's next import. */
  mapping: bankColumnMappingSchema.optional(),
});
export type ConfirmImportInput = z.output<typeof confirmImportInput>;

// ---- Outputs ------------------------------------------------------------------------------------------
// Banks hold no personal data: these outputs are kept as the shape the pages, the authorization matrix and
// the wire tests rely on.

export const idOutput = z.object({ id: z.string() });
/** A bank's details saved: its new updatedAt, which the details form sends back as its next baseUpdatedAt. */
export const updatedBankOutput = z.object({ id: z.string(), updatedAt: z.date() });

const anchorSchema = z.object({ level: z.number().int(), description: z.string() });
const competencyRefSchema = z.object({ slug: z.string(), name: z.string() });
/** A `translations` column as read from the database: { "<locale>": { "<field>": "text" } } (issue 23). */
const translationsOutput = z.preprocess(translationsFrom, z.record(z.string(), z.record(z.string(), z.string())));
/** The fields every view of a question shows. */
const questionCoreSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  textReconstructed: z.boolean(),
  assesses: z.string(),
  translations: translationsOutput,
});

export const bankListOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    source: z.string().nullable(),
    builtIn: z.boolean(),
    questionCount: z.number().int(),
    translations: translationsOutput,
  }),
);

export const competencyListOutput = z.array(
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    definition: z.string(),
    builtIn: z.boolean(),
    anchors: z.array(anchorSchema),
  }),
);

export const searchQuestionsOutput = z.object({
  total: z.number().int(),
  questions: z.array(
    questionCoreSchema.extend({
      bank: z.object({ id: z.string(), name: z.string(), translations: translationsOutput }),
      competencies: z.array(competencyRefSchema),
    }),
  ),
});

export const questionOutput = questionCoreSchema.extend({
  /** The edit form sends it back as updateQuestionInput.baseUpdatedAt. */
  updatedAt: z.date(),
  howToAnswer: z.string(),
  exampleAnswer: z.string(),
  source: z.string().nullable(),
  bank: z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), builtIn: z.boolean(), translations: translationsOutput }),
  competencies: z.array(
    z.object({ id: z.string(), slug: z.string(), name: z.string(), definition: z.string(), anchors: z.array(anchorSchema) }),
  ),
});

export const myBanksOutput = z.array(z.object({ id: z.string(), name: z.string(), questionCount: z.number().int() }));

export const ownBankOutput = z.object({
  id: z.string(),
  /** The details form sends it back as updateBankInput.baseUpdatedAt. */
  updatedAt: z.date(),
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
      competencies: z.array(competencyRefSchema),
    }),
  ),
});

export const deleteQuestionOutput = z.object({ id: z.string(), bankId: z.string() });

const importProblemSchema = z.object({
  line: z.number().int(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  entryIndex: z.number().int().optional(),
  /** Where the problem is when "line N" of the file is not enough: "row 4, column C (“Guidance”)". */
  where: z.string().optional(),
  /** The problem as a key of the banks namespace's lineProblems and its values, for the page to word. */
  key: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** `where` as a key of the banks namespace's problemPlaces and its values, for the page to word. */
  place: z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
});
export type ImportProblem = z.output<typeof importProblemSchema>;

export const previewImportOutput = z.object({
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
  problems: z.array(importProblemSchema),
  /** How the file or text was read. */
  format: z.enum(["text", "markdown", "html", "docx", "csv", "xlsx"]).optional(),
  /** What line numbers count when not the file's own lines (a Word document's converted text, a sheet's rows). */
  lineNote: z.string().nullable().optional(),
  /** A spreadsheet's headers and the mapping used, for the mapping step. */
  columns: z.object({ headers: z.array(z.string()), mapping: bankColumnMappingSchema }).nullable().optional(),
});
export type PreviewImportOutput = z.output<typeof previewImportOutput>;

export const confirmImportOutput = z.object({ bankId: z.string(), imported: z.number().int() });

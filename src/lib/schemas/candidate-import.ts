// Candidate import: the uploaded file, the column mapping, the preview and the import's choices. Zod only,
// browser-safe: the import page builds its requests from these and the services read them.
import { z } from "./zod";

/** The fields a column can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = ["name", "email", "phone", "vacancy", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** 20 MB, as the tabular reader allows; base64 makes 4 characters of every 3 bytes. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const importFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded (tRPC carries JSON). */
  base64: z
    .string()
    .min(1, "The file is empty.")
    .max(MAX_IMPORT_BASE64_CHARS + 4, "This file is over 20 MB, the limit for an import. Split it into smaller files."),
});

/** The longest header a mapping may name (the guess leaves longer ones for the person to choose). */
export const MAX_IMPORT_HEADER_CHARS = 300;

const headerSchema = z.string().max(MAX_IMPORT_HEADER_CHARS).nullable();

/** Each field's column, by header text; null (or absent) when no column fills it. */
export const importMappingSchema = z.object({
  name: headerSchema,
  email: headerSchema,
  phone: headerSchema,
  vacancy: headerSchema,
  notes: headerSchema,
});
export type ImportMapping = z.output<typeof importMappingSchema>;

export const duplicateChoiceSchema = z.enum(["skip", "update", "keepBoth"]);
export type DuplicateChoice = z.output<typeof duplicateChoiceSchema>;

export const previewCandidateImportInput = z.object({
  file: importFileSchema,
  /** Absent on the first preview: the organisation's remembered mapping, else one guessed from the headers. */
  mapping: importMappingSchema.optional(),
  /** The vacancy for rows whose vacancy cell is empty (or for every row when no column is mapped). */
  defaultVacancyId: z.string().max(64).optional(),
});
export type PreviewCandidateImportInput = z.output<typeof previewCandidateImportInput>;

export const confirmCandidateImportInput = z.object({
  file: importFileSchema,
  mapping: importMappingSchema,
  defaultVacancyId: z.string().max(64).optional(),
  /** What to do with a row already a candidate's (by email, or name and phone): for all rows, and per row where it differs. */
  duplicates: z.object({
    all: duplicateChoiceSchema,
    rows: z.array(z.object({ rowNumber: z.number().int().positive(), choice: duplicateChoiceSchema })).max(100_000),
  }),
  /** Rows the person chose to leave out (e.g. rows with problems). */
  skipRows: z.array(z.number().int().positive()).max(100_000),
});
export type ConfirmCandidateImportInput = z.output<typeof confirmCandidateImportInput>;

/**
 * What can be wrong with a row, as facts the page words (candidateImport's `problems.<key>` with `values`;
 * errors.json's `candidateImport.problems.<key>` for the import's refusal). `other` carries a check's own words.
 */
export const IMPORT_PROBLEMS = [
  "nameMissing",
  "nameTooLong",
  "emailInvalid",
  "emailTooLong",
  "phoneCharacters",
  "phoneTooLong",
  "notesTooLong",
  "twoVacancies",
  "noSuchVacancy",
  "vacancyClosed",
  "vacancyFilled",
  "noVacancy",
  "sameAsRow",
  "sameNamePhoneAsRow",
  "other",
] as const;
export type ImportProblemKey = (typeof IMPORT_PROBLEMS)[number];

const problemValuesSchema = z.record(z.string(), z.string());

const problemSchema = z.object({ field: z.enum([...IMPORT_FIELDS, "row"]), key: z.enum(IMPORT_PROBLEMS), values: problemValuesSchema });
export type ImportProblem = z.output<typeof problemSchema>;

/** What is wrong with a mapping as a whole: no name column, a column the file lacks, a column chosen twice. */
export const MAPPING_PROBLEMS = ["noName", "noColumn", "chosenTwice"] as const;
const mappingProblemSchema = z.object({ key: z.enum(MAPPING_PROBLEMS), values: problemValuesSchema });
export type MappingProblem = z.output<typeof mappingProblemSchema>;

export const importRowSchema = z.object({
  rowNumber: z.number(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  vacancy: z.string(),
  problems: z.array(problemSchema),
  /** The organisation's candidates this row already is: with its email, or (no email) its name and phone in its vacancy. */
  existing: z.array(z.object({ candidateId: z.string(), name: z.string(), vacancyTitle: z.string() })),
  /** How `existing` was found; null when it is empty. */
  matchedBy: z.enum(["email", "namePhone"]).nullable(),
});
export type ImportRow = z.output<typeof importRowSchema>;

/** Rows listed in a preview at most: problems and duplicates first; the counts cover every row. */
export const MAX_PREVIEW_ROWS = 1000;

export const candidateImportPreviewSchema = z.object({
  format: z.enum(["csv", "xlsx"]),
  encoding: z.enum(["utf-8", "windows-1252"]).nullable(),
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  /** Whether the mapping came from the organisation's last import. */
  mappingRemembered: z.boolean(),
  /** What stops the mapping as a whole (no name column, a column chosen twice); rows are checked regardless. */
  mappingProblems: z.array(mappingProblemSchema),
  counts: z.object({ rows: z.number(), ready: z.number(), withProblems: z.number(), duplicates: z.number() }),
  /** Rows with problems or duplicates (up to MAX_PREVIEW_ROWS), then a few ready ones to check the mapping by. */
  rows: z.array(importRowSchema),
  rowsNotListed: z.number(),
});
export type CandidateImportPreview = z.output<typeof candidateImportPreviewSchema>;

export const candidateImportResultSchema = z.object({ created: z.number(), updated: z.number(), skipped: z.number() });
export type CandidateImportResult = z.output<typeof candidateImportResultSchema>;

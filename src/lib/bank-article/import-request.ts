// What the import page sends, built from what the person has on screen: the checks on an uploaded file
// and on the article text, the entries made from a preview, what still stops the import, and the
// confirmImport request. Pure functions, so they are tested without a browser.
import type { z } from "zod";
import type { confirmImportInput, PreviewImportOutput, previewImportInput } from "@/lib/schemas/banks";
import { MAX_ARTICLE_CHARS } from "@/lib/schemas/banks";

export const MAX_FILE_BYTES = 1024 * 1024;
const ACCEPTED_TYPES = ["text/plain", "text/markdown"];

/** An entry of the preview as the person edits it. */
export type ImportEntryValues = {
  index: number;
  line: number;
  include: boolean;
  /** The article gave no question sentence: whatever the person writes is marked as written for it. */
  hadText: boolean;
  text: string;
  competencies: string[];
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
};

/** Where the questions go: a new bank (its name and role) or one of the organisation's banks. */
export type ImportTargetChoice = { kind: "new" | "existing"; newName: string; newRole: string; existingId: string };

/** The guidance fields of an entry, with their labels on the page. */
export const GUIDANCE = [
  { key: "assesses", label: "What it assesses", rows: 3 },
  { key: "howToAnswer", label: "What a good answer covers", rows: 4 },
  { key: "exampleAnswer", label: "Example answer", rows: 5 },
] as const;

/** Why an uploaded file is refused before it is read (its name, type and size), or null. */
export function fileRefusal(file: { name: string; type: string; size: number }): string | null {
  if (!/\.(txt|md)$/i.test(file.name) && !ACCEPTED_TYPES.includes(file.type)) {
    return `“${file.name}” is not a .txt or .md file. Save the article as plain text and upload that, or paste it.`;
  }
  if (file.size > MAX_FILE_BYTES) {
    return `“${file.name}” is ${(file.size / MAX_FILE_BYTES).toFixed(1)} MB; a file can be at most 1 MB.`;
  }
  return null;
}

/** Why a file's text is refused once read, or null. */
export function fileTextRefusal(name: string, text: string): string | null {
  return text.includes("\u0000") ? `“${name}” does not contain plain text.` : null;
}

/** The line under the text box once a file is loaded into it. */
export const loadedNote = (name: string, text: string) =>
  `Loaded ${name} (${text.split(/\r\n|\r|\n/).length} lines) into the text box. Press Preview.`;

export type PreviewRequest = z.input<typeof previewImportInput>;

/** The previewImport request for the article text, or what to do first. */
export function previewRequest(source: string): { ok: true; request: PreviewRequest } | { ok: false; message: string } {
  if (!source.trim()) return { ok: false, message: "Paste the article’s text or upload its file first." };
  if (source.length > MAX_ARTICLE_CHARS) return { ok: false, message: "The article is too long: at most 300,000 characters." };
  return { ok: true, request: { source } };
}

/** The preview's questions as entries to edit: all included, the article's words as they are. */
export function entriesFromPreview(questions: PreviewImportOutput["questions"]): ImportEntryValues[] {
  return questions.map((q) => ({
    index: q.index,
    line: q.line,
    include: true,
    hadText: q.text !== null,
    text: q.text ?? "",
    competencies: q.competencies,
    assesses: q.assesses,
    howToAnswer: q.howToAnswer,
    exampleAnswer: q.exampleAnswer,
  }));
}

/** What still stops an included entry from being imported, as short instructions. */
export function entryBlockers(entry: ImportEntryValues): string[] {
  if (!entry.include) return [];
  const blockers: string[] = [];
  const text = entry.text.trim();
  if (text.length < 5) blockers.push(text ? "the question needs at least 5 characters" : "write the question text");
  if (entry.competencies.length === 0) blockers.push("choose at least one competency");
  else if (entry.competencies.length > 3) blockers.push("choose at most three competencies");
  for (const field of GUIDANCE) {
    if (!entry[field.key].trim()) blockers.push(`fill in “${field.label.toLowerCase()}”`);
  }
  return blockers;
}

/** Everything that stops the import, one line each: entries first, then the target. */
export function importBlockers(entries: readonly ImportEntryValues[], target: ImportTargetChoice): string[] {
  return [
    ...entries.flatMap((e) => {
      const missing = entryBlockers(e);
      return missing.length ? [`Entry ${e.index} (line ${e.line}): ${missing.join(", ")}; or uncheck Include.`] : [];
    }),
    ...(entries.some((e) => e.include) ? [] : ["Include at least one entry."]),
    ...(target.kind === "new" && target.newName.trim().length < 2 ? ["Name the new bank (at least 2 characters)."] : []),
    ...(target.kind === "existing" && !target.existingId ? ["Choose the bank to add to."] : []),
  ];
}

export type ConfirmRequest = Omit<z.input<typeof confirmImportInput>, "idempotencyKey">;

/** The confirmImport request (less its idempotency key): the included entries, trimmed, in article order. */
export function confirmRequest(entries: readonly ImportEntryValues[], target: ImportTargetChoice, title: string | null): ConfirmRequest {
  return {
    target:
      target.kind === "new"
        ? { newBank: { name: target.newName.trim(), role: target.newRole.trim() || undefined } }
        : { bankId: target.existingId },
    source: title ?? undefined,
    questions: entries
      .filter((e) => e.include)
      .map((e) => ({
        text: e.text.trim(),
        assesses: e.assesses.trim(),
        howToAnswer: e.howToAnswer.trim(),
        exampleAnswer: e.exampleAnswer.trim(),
        competencySlugs: e.competencies,
        entry: e.index,
        textReconstructed: !e.hadText,
      })),
  };
}

/** The included entry a refusal's field ("questions.2.text") points at, if any. */
export function entryOfField(field: string | null | undefined, entries: readonly ImportEntryValues[]): ImportEntryValues | undefined {
  const match = /^questions\.(\d+)/.exec(field ?? "");
  return match ? entries.filter((e) => e.include)[Number(match[1])] : undefined;
}

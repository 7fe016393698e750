// What the import page sends, built from what the person has on screen: the checks on an uploaded file
// and on the article text, the entries made from a preview, what still stops the import, and the
// confirmImport request. Pure functions, so they are tested without a browser.
import type { z } from "zod";
import type { confirmImportInput, PreviewImportOutput, previewImportInput } from "@/lib/schemas/banks";
import { MAX_ARTICLE_CHARS } from "@/lib/schemas/banks";
import { BANK_FILE_EXTENSIONS, MAX_BANK_FILE_BYTES, mb } from "./formats/file-limits";

export const MAX_FILE_BYTES = MAX_BANK_FILE_BYTES;

type RequestMessages = (typeof import("@/i18n/messages/en/banks.json"))["importRequest"];
/** What the page says about the file or text, as a key of the banks namespace and values: the page words it. */
export type ImportRequestText = { key: `importRequest.${keyof RequestMessages & string}`; values?: Record<string, string | number> };
/** Files whose text goes into the text box, where the person can see and edit it; the rest are read by the server. */
const TEXT_BOX_EXTENSIONS = /\.(txt|md|markdown)$/i;
const ACCEPTED_TYPES = ["text/plain", "text/markdown"];
/** The file input's accept list. */
export const ACCEPTED_FILES = [...BANK_FILE_EXTENSIONS, ...ACCEPTED_TYPES].join(",");

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
  /** The preview found an error in this entry: it is imported only once the person has corrected it (or dropped it). */
  flagged: boolean;
  /** The person changed the entry's words or competencies since the preview. */
  edited: boolean;
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
export function fileRefusal(file: { name: string; type: string; size: number }): ImportRequestText | null {
  const extension = /\.[a-z0-9]+$/i.exec(file.name)?.[0]?.toLowerCase() ?? "";
  if (!(BANK_FILE_EXTENSIONS as readonly string[]).includes(extension) && !ACCEPTED_TYPES.includes(file.type)) {
    return { key: "importRequest.notReadable", values: { name: file.name } };
  }
  if (file.size > MAX_FILE_BYTES) {
    return { key: "importRequest.tooLarge", values: { name: file.name, size: mb(file.size), max: mb(MAX_FILE_BYTES) } };
  }
  return null;
}

/** Whether a chosen file is loaded into the text box (plain text, Markdown) rather than sent as a file. */
export const loadsIntoTextBox = (file: { name: string; type: string }) =>
  TEXT_BOX_EXTENSIONS.test(file.name) || (!/\.[a-z0-9]+$/i.test(file.name) && ACCEPTED_TYPES.includes(file.type));

/** The line under the file input once a file is chosen to be read by the server. */
export const chosenNote = (name: string): ImportRequestText => ({ key: "importRequest.chosen", values: { name } });

/** Why a file's text is refused once read, or null. */
export function fileTextRefusal(name: string, text: string): ImportRequestText | null {
  return text.includes("\u0000") ? { key: "importRequest.notPlainText", values: { name } } : null;
}

/** The line under the text box once a file is loaded into it. */
export function loadedNote(name: string, text: string): ImportRequestText {
  const count = text.split(/\r\n|\r|\n/).length;
  // `lines` as digits, as the English always said it ("1234 lines"); `count` for the plural where a language has one.
  return { key: "importRequest.loaded", values: { name, lines: String(count), count } };
}

export type PreviewRequest = z.input<typeof previewImportInput>;

/**
 * The previewImport request for the article text, or what to do first. Rich text pasted from a browser or
 * Word is sent as its HTML (headings and bold labels survive), unless that is over the limit.
 */
export function previewRequest(
  source: string,
  pastedHtml: string | null = null,
): { ok: true; request: PreviewRequest } | { ok: false; problem: ImportRequestText } {
  if (!source.trim()) return { ok: false, problem: { key: "importRequest.noSource" } };
  if (pastedHtml && pastedHtml.length <= MAX_ARTICLE_CHARS) return { ok: true, request: { source: pastedHtml, format: "html" } };
  if (source.length > MAX_ARTICLE_CHARS) return { ok: false, problem: { key: "importRequest.tooLong", values: { max: MAX_ARTICLE_CHARS } } };
  return { ok: true, request: { source } };
}

/** A file's bytes as base64, as previewImportFile takes them. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** The preview's questions as entries to edit: all included, the article's words as they are. */
export function entriesFromPreview(questions: PreviewImportOutput["questions"], problems: PreviewImportOutput["problems"] = []): ImportEntryValues[] {
  const flagged = new Set(problems.filter((p) => p.severity === "error").map((p) => p.entryIndex));
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
    flagged: flagged.has(q.index),
    edited: false,
  }));
}

/** What still stops an included entry from being imported, as short instructions (for the page to word). */
export function entryBlockers(entry: ImportEntryValues): ImportRequestText[] {
  if (!entry.include) return [];
  const blockers: ImportRequestText[] = [];
  const text = entry.text.trim();
  if (text.length < 5) blockers.push({ key: text ? "importRequest.blockShortText" : "importRequest.blockNoText" });
  if (entry.competencies.length === 0) blockers.push({ key: "importRequest.blockNoCompetency" });
  else if (entry.competencies.length > 3) blockers.push({ key: "importRequest.blockTooManyCompetencies" });
  for (const field of GUIDANCE) {
    if (!entry[field.key].trim()) blockers.push({ key: "importRequest.blockFillIn", values: { field: field.key } });
  }
  // An error the preview found (two entries run together, a guessed boundary) is not a missing field: it
  // needs the person's correction before anything is written.
  if (blockers.length === 0 && entry.flagged && !entry.edited) blockers.push({ key: "importRequest.blockFlagged" });
  return blockers;
}

/** One line of what stops the import; an entry's line lists what it lacks (`missing`, worded and joined by the page). */
export type ImportBlocker = ImportRequestText & { missing?: ImportRequestText[] };

/** Everything that stops the import, one line each: entries first, then the target. */
export function importBlockers(entries: readonly ImportEntryValues[], target: ImportTargetChoice, lineWord: "line" | "row" = "line"): ImportBlocker[] {
  return [
    ...entries.flatMap((e): ImportBlocker[] => {
      const missing = entryBlockers(e);
      // Numbers as digits, as the English always said them ("line 1234").
      return missing.length ? [{ key: "importRequest.blockEntry", values: { index: String(e.index), unit: lineWord, line: String(e.line) }, missing }] : [];
    }),
    ...(entries.some((e) => e.include) ? [] : [{ key: "importRequest.blockNoEntry" } as const]),
    ...(target.kind === "new" && target.newName.trim().length < 2 ? [{ key: "importRequest.blockBankName" } as const] : []),
    ...(target.kind === "existing" && !target.existingId ? [{ key: "importRequest.blockBankChoice" } as const] : []),
  ];
}

/** A blocker in the page's language: `t` is the banks namespace's translator. */
export function wordBlocker(t: (key: ImportRequestText["key"], values?: ImportRequestText["values"]) => string, blocker: ImportBlocker): string {
  const missing = blocker.missing?.map((m) => t(m.key, m.values)).join(", ");
  return t(blocker.key, missing === undefined ? blocker.values : { ...blocker.values, missing });
}

export type ConfirmRequest = Omit<z.input<typeof confirmImportInput>, "idempotencyKey">;

/** The confirmImport request (less its idempotency key): the included entries, trimmed, in article order. */
export function confirmRequest(
  entries: readonly ImportEntryValues[],
  target: ImportTargetChoice,
  title: string | null,
  mapping?: ConfirmRequest["mapping"],
): ConfirmRequest {
  return {
    ...(mapping ? { mapping } : {}),
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

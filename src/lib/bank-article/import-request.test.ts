import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { confirmImportInput, previewImportInput } from "@/lib/schemas/banks";
import {
  chosenNote,
  confirmRequest,
  entriesFromPreview,
  entryBlockers,
  entryOfField,
  fileRefusal,
  fileTextRefusal,
  fileToBase64,
  loadsIntoTextBox,
  importBlockers,
  loadedNote,
  MAX_FILE_BYTES,
  previewRequest,
  wordBlocker,
  type ImportBlocker,
  type ImportEntryValues,
  type ImportRequestText,
  type ImportTargetChoice,
} from "./import-request";

const words = (texts: ImportRequestText[], locale: "en" | "es" = "en") => texts.map((text) => say(text, locale));
const blockerWords = (blockers: ImportBlocker[], locale: "en" | "es" = "en") =>
  blockers.map((b) => wordBlocker(createTranslator({ locale, messages: loadMessages(locale), namespace: "banks" }) as never, b));

// The page words what these functions say (banks namespace); in English exactly as the page always said it.
const say = (text: ImportRequestText | null, locale: "en" | "es" = "en") =>
  text && (createTranslator({ locale, messages: loadMessages(locale), namespace: "banks" }) as unknown as (key: string, values?: ImportRequestText["values"]) => string)(text.key, text.values);

const entry = (overrides: Partial<ImportEntryValues> = {}): ImportEntryValues => ({
  index: 1,
  line: 3,
  include: true,
  hadText: true,
  text: "Tell us about a time you kept a confidence.",
  competencies: ["ethics"],
  assesses: "Confidentiality",
  howToAnswer: "A real example",
  exampleAnswer: "I once…",
  flagged: false,
  edited: false,
  ...overrides,
});

const newBank: ImportTargetChoice = { kind: "new", newName: "Peer Support", newRole: "", existingId: "" };

describe("file checks", () => {
  it("takes every format the import reads, or plain-text and markdown types", () => {
    for (const name of ["a.txt", "a.MD", "page.htm", "page.html", "bank.docx", "bank.csv", "bank.xlsx"]) {
      expect(fileRefusal({ name, type: "", size: 10 })).toBeNull();
    }
    expect(fileRefusal({ name: "article", type: "text/markdown", size: 10 })).toBeNull();
  });

  it("refuses other files and files over 10 MB (a 50 MB one too), naming the file", () => {
    expect(say(fileRefusal({ name: "article.pdf", type: "application/pdf", size: 10 }))).toBe(
      "“article.pdf” is not a file the import reads. Upload a .txt, .md, .html, .docx, .csv or .xlsx file, or paste the text.",
    );
    expect(say(fileRefusal({ name: "huge.docx", type: "", size: 50 * 1024 * 1024 }))).toBe("“huge.docx” is 52.4 MB; a file can be at most 10.0 MB.");
    expect(say(fileRefusal({ name: "huge.txt", type: "text/plain", size: MAX_FILE_BYTES + 1 }))).toMatch(/at most 10\.0 MB/);
    expect(say(fileRefusal({ name: "huge.docx", type: "", size: 50 * 1024 * 1024 }), "es")).toBe("«huge.docx» ocupa 52,4 MB; un archivo puede ocupar como máximo 10,0 MB.");
  });

  it("loads text and Markdown into the text box and sends the other formats as files", () => {
    expect(loadsIntoTextBox({ name: "a.txt", type: "" })).toBe(true);
    expect(loadsIntoTextBox({ name: "a.md", type: "" })).toBe(true);
    expect(loadsIntoTextBox({ name: "a.docx", type: "" })).toBe(false);
    expect(loadsIntoTextBox({ name: "page.html", type: "text/html" })).toBe(false);
  });

  it("encodes a file's bytes as base64", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0]);
    expect(await fileToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("refuses text with NUL bytes and counts the lines of a loaded file", () => {
    expect(say(fileTextRefusal("a.txt", "ab\u0000c"))).toBe("“a.txt” does not contain plain text.");
    expect(fileTextRefusal("a.txt", "plain")).toBeNull();
    expect(say(loadedNote("a.txt", "one\r\ntwo\nthree"))).toBe("Loaded a.txt (3 lines) into the text box. Press Preview.");
    expect(say(loadedNote("a.txt", "one"), "es")).toBe("Se ha cargado a.txt (1 línea) en el cuadro de texto. Presione Vista previa.");
    expect(say(chosenNote("bank.docx"))).toBe("Chose bank.docx: press Preview to read it.");
  });
});

describe("previewRequest", () => {
  it("asks for text first, refuses an article over the limit, and otherwise sends the text as it is", () => {
    const refused = (source: string) => {
      const checked = previewRequest(source);
      return checked.ok ? null : say(checked.problem);
    };
    expect(refused("  \n")).toBe("Paste the article’s text or upload its file first.");
    expect(refused("x".repeat(300_001))).toBe("The article is too long: at most 300,000 characters.");
    const sent = previewRequest(" An article \n");
    expect(sent).toEqual({ ok: true, request: { source: " An article \n" } });
    expect(previewImportInput.safeParse(sent.ok && sent.request).success).toBe(true);
  });

  it("sends rich text pasted from a browser or Word as its HTML", () => {
    expect(previewRequest("Plain", "<p><b>Plain</b></p>")).toEqual({ ok: true, request: { source: "<p><b>Plain</b></p>", format: "html" } });
    expect(previewRequest("Plain", `<p>${"x".repeat(300_001)}</p>`)).toEqual({ ok: true, request: { source: "Plain" } });
  });
});

describe("entriesFromPreview", () => {
  it("includes every entry and remembers which had no question sentence", () => {
    const [withText, without] = entriesFromPreview([
      { index: 1, line: 3, text: "Why this role?", assesses: "a", howToAnswer: "b", exampleAnswer: "c", competencies: ["ethics"] },
      { index: 2, line: 9, text: null, assesses: "a", howToAnswer: "b", exampleAnswer: "c", competencies: [] },
    ]);
    expect(withText).toMatchObject({ index: 1, include: true, hadText: true, text: "Why this role?" });
    expect(without).toMatchObject({ index: 2, line: 9, include: true, hadText: false, text: "", competencies: [] });
  });

  it("flags the entries the preview found an error in, and they block until corrected or dropped", () => {
    const question = { line: 3, text: "Why this role?", assesses: "a", howToAnswer: "b", exampleAnswer: "c", competencies: ["ethics"] };
    const [clean, flagged] = entriesFromPreview(
      [{ ...question, index: 1 }, { ...question, index: 2 }],
      [{ line: 3, severity: "error", message: "Two entries run together.", entryIndex: 2 }, { line: 3, severity: "warning", message: "w", entryIndex: 1 }],
    );
    expect(clean).toMatchObject({ flagged: false, edited: false });
    expect(words(entryBlockers(flagged!))).toEqual(["correct the error the preview found in it"]);
    expect(words(entryBlockers({ ...flagged!, edited: true }))).toEqual([]);
    expect(words(entryBlockers({ ...flagged!, include: false }))).toEqual([]);
  });
});

describe("blockers", () => {
  it("names what an included entry lacks, and nothing for a dropped one", () => {
    expect(words(entryBlockers(entry()))).toEqual([]);
    expect(words(entryBlockers(entry({ text: " ", competencies: [], howToAnswer: "" })))).toEqual([
      "write the question text",
      "choose at least one competency",
      "fill in “what a good answer covers”",
    ]);
    expect(words(entryBlockers(entry({ text: "Why", competencies: ["a", "b", "c", "d"] })))).toEqual([
      "the question needs at least 5 characters",
      "choose at most three competencies",
    ]);
    expect(words(entryBlockers(entry({ include: false, text: "" })))).toEqual([]);
  });

  it("lists entries with their line, then what the target lacks", () => {
    expect(blockerWords(importBlockers([entry(), entry({ index: 2, line: 8, assesses: "" })], newBank))).toEqual([
      "Entry 2 (line 8): fill in “what it assesses”; or uncheck Include.",
    ]);
    expect(blockerWords(importBlockers([entry({ include: false })], { ...newBank, newName: " a " }))).toEqual([
      "Include at least one entry.",
      "Name the new bank (at least 2 characters).",
    ]);
    expect(blockerWords(importBlockers([entry()], { ...newBank, kind: "existing" }))).toEqual(["Choose the bank to add to."]);
  });

  it("says an entry's line and what it lacks in Spanish", () => {
    expect(blockerWords(importBlockers([entry({ index: 2, line: 8, text: "", assesses: "" })], newBank, "row"), "es")).toEqual([
      "Entrada 2 (fila 8): escriba el texto de la pregunta, complete «qué evalúa»; o desmarque Incluir.",
    ]);
  });
});

describe("confirmRequest", () => {
  it("sends the included entries trimmed, with their entry number and whether the wording was written for them", () => {
    const entries = [
      entry({ text: "  Tell us about a time you kept a confidence.  ", assesses: " Confidentiality " }),
      entry({ index: 2, include: false }),
      entry({ index: 3, hadText: false, competencies: ["ethics", "empathy"] }),
    ];
    const request = confirmRequest(entries, { ...newBank, newName: " Peer Support ", newRole: " Peer worker " }, "23 Questions");
    expect(request).toEqual({
      target: { newBank: { name: "Peer Support", role: "Peer worker" } },
      source: "23 Questions",
      questions: [
        {
          text: "Tell us about a time you kept a confidence.",
          assesses: "Confidentiality",
          howToAnswer: "A real example",
          exampleAnswer: "I once…",
          competencySlugs: ["ethics"],
          entry: 1,
          textReconstructed: false,
        },
        expect.objectContaining({ entry: 3, textReconstructed: true, competencySlugs: ["ethics", "empathy"] }),
      ],
    });
    expect(confirmImportInput.safeParse({ ...request, idempotencyKey: crypto.randomUUID() }).success).toBe(true);
  });

  it("targets an existing bank by id, and leaves out a blank role and a missing title", () => {
    expect(confirmRequest([entry()], { kind: "existing", newName: "x", newRole: "", existingId: "bank-1" }, null)).toMatchObject({
      target: { bankId: "bank-1" },
      source: undefined,
    });
    expect(confirmRequest([entry()], newBank, null).target).toEqual({ newBank: { name: "Peer Support", role: undefined } });
  });
});

describe("entryOfField", () => {
  it("finds the included entry a refusal points at", () => {
    const entries = [entry({ index: 1, include: false }), entry({ index: 2 }), entry({ index: 3 })];
    expect(entryOfField("questions.1.competencySlugs", entries)?.index).toBe(3);
    expect(entryOfField("target.newBank.name", entries)).toBeUndefined();
    expect(entryOfField(null, entries)).toBeUndefined();
  });
});

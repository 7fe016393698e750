import { describe, expect, it } from "vitest";
import { confirmImportInput, previewImportInput } from "@/lib/schemas/banks";
import {
  confirmRequest,
  entriesFromPreview,
  entryBlockers,
  entryOfField,
  fileRefusal,
  fileTextRefusal,
  importBlockers,
  loadedNote,
  MAX_FILE_BYTES,
  previewRequest,
  type ImportEntryValues,
  type ImportTargetChoice,
} from "./import-request";

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
  ...overrides,
});

const newBank: ImportTargetChoice = { kind: "new", newName: "Peer Support", newRole: "", existingId: "" };

describe("file checks", () => {
  it("takes .txt and .md files, or plain-text and markdown types", () => {
    expect(fileRefusal({ name: "a.txt", type: "", size: 10 })).toBeNull();
    expect(fileRefusal({ name: "a.MD", type: "", size: 10 })).toBeNull();
    expect(fileRefusal({ name: "article", type: "text/markdown", size: 10 })).toBeNull();
  });

  it("refuses other files and files over 1 MB, naming the file", () => {
    expect(fileRefusal({ name: "article.pdf", type: "application/pdf", size: 10 })).toBe(
      "“article.pdf” is not a .txt or .md file. Save the article as plain text and upload that, or paste it.",
    );
    expect(fileRefusal({ name: "huge.txt", type: "text/plain", size: MAX_FILE_BYTES + 1 })).toBe(
      "“huge.txt” is 1.0 MB; a file can be at most 1 MB.",
    );
  });

  it("refuses text with NUL bytes and counts the lines of a loaded file", () => {
    expect(fileTextRefusal("a.txt", "ab\u0000c")).toBe("“a.txt” does not contain plain text.");
    expect(fileTextRefusal("a.txt", "plain")).toBeNull();
    expect(loadedNote("a.txt", "one\r\ntwo\nthree")).toBe("Loaded a.txt (3 lines) into the text box. Press Preview.");
  });
});

describe("previewRequest", () => {
  it("asks for text first, refuses an article over the limit, and otherwise sends the text as it is", () => {
    expect(previewRequest("  \n")).toEqual({ ok: false, message: "Paste the article’s text or upload its file first." });
    expect(previewRequest("x".repeat(300_001))).toEqual({ ok: false, message: "The article is too long: at most 300,000 characters." });
    const sent = previewRequest(" An article \n");
    expect(sent).toEqual({ ok: true, request: { source: " An article \n" } });
    expect(previewImportInput.safeParse(sent.ok && sent.request).success).toBe(true);
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
});

describe("blockers", () => {
  it("names what an included entry lacks, and nothing for a dropped one", () => {
    expect(entryBlockers(entry())).toEqual([]);
    expect(entryBlockers(entry({ text: " ", competencies: [], howToAnswer: "" }))).toEqual([
      "write the question text",
      "choose at least one competency",
      "fill in “what a good answer covers”",
    ]);
    expect(entryBlockers(entry({ text: "Why", competencies: ["a", "b", "c", "d"] }))).toEqual([
      "the question needs at least 5 characters",
      "choose at most three competencies",
    ]);
    expect(entryBlockers(entry({ include: false, text: "" }))).toEqual([]);
  });

  it("lists entries with their line, then what the target lacks", () => {
    expect(importBlockers([entry(), entry({ index: 2, line: 8, assesses: "" })], newBank)).toEqual([
      "Entry 2 (line 8): fill in “what it assesses”; or uncheck Include.",
    ]);
    expect(importBlockers([entry({ include: false })], { ...newBank, newName: " a " })).toEqual([
      "Include at least one entry.",
      "Name the new bank (at least 2 characters).",
    ]);
    expect(importBlockers([entry()], { ...newBank, kind: "existing" })).toEqual(["Choose the bank to add to."]);
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

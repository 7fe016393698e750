// Every format the bank import reads yields the same questions as the plain-text article, and bad files are
// refused with a message that says why.
import { readFileSync } from "node:fs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { writeTestZip } from "@/lib/tabular/write-test-zip";
import competencySeeds from "../../../../seeds/competencies.json";
import { prepareArticleImport } from "../prepare-import";
import { BankFileRefusal, MAX_BANK_FILE_BYTES, unzippedRefusal } from "./file-limits";
import { prepareBankFile, prepareBankText } from "./prepare-bank-file";
import { htmlToText } from "./html-to-text";
import { detectBankFormat } from "./read-bank-file";
import { continueNumbering } from "./read-docx";
import { articleToDocx, articleToHtml, articleToMarkdown, entriesToRows, rowsToCsv, rowsToXlsx } from "./write-format-fixtures";

const competencies = competencySeeds as { slug: string; name: string; keywords: string[] }[];
const options = { competencies };
const ARTICLES = ["seeds/articles/mental-health-specialist.txt", "seeds/articles/clinical-case-manager.txt"];
const utf8 = (text: string) => new TextEncoder().encode(text);
const fields = (questions: { text: string | null; assesses: string; howToAnswer: string; exampleAnswer: string; competencies: string[] }[]) =>
  questions.map(({ text, assesses, howToAnswer, exampleAnswer, competencies: slugs }) => ({ text, assesses, howToAnswer, exampleAnswer, slugs }));

describe.each(ARTICLES)("the seed article %s in every format", (file) => {
  const text = readFileSync(file, "utf8");
  const plain = prepareArticleImport(text, competencies);
  const expected = fields(plain.questions);

  it("is 23 questions with suggested competencies as plain text", () => {
    expect(expected).toHaveLength(23);
    expect(expected.every((q) => q.slugs.length > 0)).toBe(true);
  });

  it.each([
    ["article.md", () => utf8(articleToMarkdown(text)), "markdown"],
    ["article.html", () => utf8(articleToHtml(text)), "html"],
    ["article.docx", () => articleToDocx(text), "docx"],
    ["article.csv", () => utf8(rowsToCsv(entriesToRows(plain.questions))), "csv"],
    ["article.xlsx", () => rowsToXlsx(entriesToRows(plain.questions)), "xlsx"],
  ] as const)("%s yields the same 23 questions, texts and competencies", async (name, write, format) => {
    const preview = await prepareBankFile(await write(), name, options);
    expect(preview.format).toBe(format);
    expect(fields(preview.questions)).toEqual(expected);
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("HTML", () => {
  const text = readFileSync(ARTICLES[0]!, "utf8");

  it("keeps nothing of scripts, styles, comments or markup", async () => {
    const preview = await prepareBankFile(utf8(articleToHtml(text)), "saved.htm", options);
    const everything = JSON.stringify(preview);
    for (const gone of ["cookie", "injected", "styled", "a comment", "enable JavaScript", "<", "evil"]) expect(everything).not.toContain(gone);
  });

  it("drops script and style elements and comments with their content, in a fragment as pasted", () => {
    const html = '<p>a</p><script>steal(document.cookie)</script><style>p { color: red }</style><!-- hidden --><p onclick="x()">b</p>';
    expect(htmlToText(html)).toBe("a\n\nb");
  });

  it("pasted rich text from Word (bold labels, Office markup) reads as the article", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<p class=MsoNormal>1. How do you handle a crisis call?<o:p></o:p></p>
<p class=MsoNormal>It assesses calm judgement under pressure.</p>
<!--[if !supportLists]--><p class=MsoNormal><b>How to Answer:</b> Describe the steps.<o:p></o:p></p><!--[endif]-->
<p class=MsoNormal><b><span style='font-size:11pt'>Example:</span></b> &ldquo;I stay calm and follow the plan.&rdquo;</p>
</body></html>`;
    const preview = prepareBankText(html, "html", options);
    expect(fields(preview.questions)).toEqual([
      expect.objectContaining({
        text: "How do you handle a crisis call?",
        assesses: "It assesses calm judgement under pressure.",
        howToAnswer: "Describe the steps.",
        exampleAnswer: "I stay calm and follow the plan.",
      }),
    ]);
  });

  it("names problems by the HTML's own line", async () => {
    const broken = articleToHtml(text).replace(/<p><strong>How to Answer:<\/strong>[^\n]*\n/, "");
    const preview = await prepareBankFile(utf8(broken), "page.html", options);
    const error = preview.problems.find((p) => p.severity === "error");
    const lines = broken.split("\n");
    expect(error?.where).toBe(`line ${error!.line} of the HTML`);
    expect(lines[error!.line - 1]).toContain("When dealing with a client experiencing severe anxiety");
  });
});

describe("Markdown", () => {
  it("strips headings, bold labels, lists and links line for line", () => {
    const markdown = [
      "# 2 Common Nurse Interview Questions",
      "",
      "## 1. How do you *prioritise* care?",
      "",
      "- It assesses [triage](https://example.com) skills.",
      "",
      "**How to Answer:** Explain your `method`.",
      "",
      "> **Example:** “I triage first.”",
    ].join("\n");
    const preview = prepareBankText(markdown, undefined, options);
    expect(preview.format).toBe("markdown");
    expect(fields(preview.questions)[0]).toMatchObject({
      text: "How do you prioritise care?",
      assesses: "It assesses triage skills.",
      howToAnswer: "Explain your method.",
      exampleAnswer: "I triage first.",
    });
    expect(preview.questions[0]!.line).toBe(3);
  });
});

describe("two entries merged into one", () => {
  const text = readFileSync(ARTICLES[0]!, "utf8");

  it("is an error at the line where the lost question should start, in Markdown as in plain text", () => {
    const merged = articleToMarkdown(text).replace(/^## 5\. .*$/m, "");
    const preview = prepareBankText(merged, "markdown", options);
    const error = preview.problems.find((p) => p.severity === "error");
    expect(error?.message).toMatch(/no numbered question line before it/);
    expect(preview.questions).toHaveLength(23);
  });

  it("in an article without question lines, an example whose closing quote is lost is an error", async () => {
    const unnumbered = readFileSync(ARTICLES[1]!, "utf8").replace(/(Example: “[^\n]*)”\n/, "$1\n");
    const preview = await prepareBankFile(await articleToDocx(unnumbered), "bank.docx", options);
    const error = preview.problems.find((p) => p.severity === "error");
    expect(error?.message).toMatch(/where it ends is a guess/);
    expect(error?.where).toMatch(/^line \d+ of the text read from the Word document \(“.+”\)$/);
  });
});

describe("Word", () => {
  it("numbers questions Word numbered automatically as one list through the document", async () => {
    const numbered = { reference: "questions", level: 0 };
    const doc = new Document({
      numbering: { config: [{ reference: "questions", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }] },
      sections: [
        {
          children: [
            ...[1, 2].flatMap((n) => [
              new Paragraph({ numbering: numbered, children: [new TextRun(`How do you handle situation ${n}?`)] }),
              new Paragraph(`It assesses judgement ${n}.`),
              new Paragraph({ children: [new TextRun({ text: "How to Answer:", bold: true }), new TextRun(" Walk through it.")] }),
              new Paragraph({ children: [new TextRun({ text: "Example:", bold: true }), new TextRun(" “I stay calm.”")] }),
            ]),
          ],
        },
      ],
    });
    const preview = await prepareBankFile(new Uint8Array(await Packer.toBuffer(doc)), "numbered.docx", options);
    expect(preview.questions.map((q) => q.text)).toEqual(["How do you handle situation 1?", "How do you handle situation 2?"]);
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("keeps a list of several items inside an answer as its own", () => {
    expect(continueNumbering("<ol><li>Q1</li></ol><p>x</p><ol><li>a</li><li>b</li></ol><ol><li>Q2</li></ol>")).toBe(
      '<ol start="1"><li>Q1</li></ol><p>x</p><ol><li>a</li><li>b</li></ol><ol start="2"><li>Q2</li></ol>',
    );
  });
});

describe("refused files", () => {
  const say = (locale: "en" | "es") =>
    createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  // Every refusal carries its key and values (the page words them); worded in English they are its message.
  const refusal = async (bytes: Uint8Array, name: string) => {
    const error = await prepareBankFile(bytes, name, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankFileRefusal);
    const { message, text } = error as BankFileRefusal;
    expect(text?.key, message).toBeDefined();
    if (text && text.key !== "bankFile.tabularProblem") expect(say("en")(text.key, text.values)).toBe(message);
    return message;
  };

  it("a .docx that is not a zip", async () => {
    expect(await refusal(utf8("just some text"), "questions.docx")).toMatch(/not a Word document \(\.docx\): it is not a zip/);
  });

  it("a zip without word/document.xml", async () => {
    const zip = writeTestZip([{ name: "notes/readme.txt", data: utf8("hello") }]);
    expect(await refusal(zip, "questions.docx")).toMatch(/zip but not a Word document/);
    expect(await refusal(zip, "questions.zip")).toMatch(/neither a Word document/);
  });

  it("a zip bomb, before anything is unpacked by mammoth", async () => {
    const bomb = writeTestZip([{ name: "word/document.xml", data: new Uint8Array(60 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(MAX_BANK_FILE_BYTES);
    expect(await refusal(bomb, "questions.docx")).toMatch(/zip bomb/);
  });

  it("a zip whose table of contents understates what it unpacks to", async () => {
    const liar = writeTestZip([{ name: "word/document.xml", data: new Uint8Array(20 * 1024 * 1024), declaredSize: 1000 }]);
    expect(await refusal(liar, "questions.docx")).toMatch(/zip bomb/);
  });

  it("a 50 MB file, by its size alone", async () => {
    expect(await refusal(new Uint8Array(50 * 1024 * 1024), "big.txt")).toMatch(/is 52\.4 MB; a question-bank file can be at most 10\.0 MB/);
  });

  it("a file too large, said in Spanish with Spanish decimals", async () => {
    const error = (await prepareBankFile(new Uint8Array(50 * 1024 * 1024), "grande.docx", options).catch((e: unknown) => e)) as BankFileRefusal;
    expect(say("es")(error.text!.key, error.text!.values as Record<string, string | number>)).toBe(
      "«grande.docx» ocupa 52,4 MB; un archivo de banco de preguntas puede ocupar como máximo 10,0 MB. Quite sus imágenes, divídalo o pegue su texto en su lugar.",
    );
  });

  it("a zip bomb by its ratio or an unreadable declared size, worded from its key as its English", () => {
    for (const refused of [unzippedRefusal("a.docx", 50_000, 6 * 1024 * 1024), unzippedRefusal("b.docx", 50_000, Number.MAX_SAFE_INTEGER)]) {
      expect(refused?.message).toMatch(/zip bomb/);
      expect(say("en")(refused!.text!.key, refused!.text!.values as Record<string, string | number>)).toBe(refused!.message);
    }
    expect(unzippedRefusal("a.docx", 50_000, 6 * 1024 * 1024)?.message).toBe("“a.docx” would unpack to 126 times its size, so it was not opened: it may be a zip bomb.");
  });

  it("an empty file and a broken Word document", async () => {
    expect(await refusal(new Uint8Array(0), "empty.md")).toBe("“empty.md” is empty.");
    const damaged = writeTestZip([{ name: "word/document.xml", data: utf8("<not xml") }]);
    expect(await refusal(damaged, "broken.docx")).toMatch(/^“broken\.docx” could not be read as a Word document \(|^“broken\.docx” is not a readable Word document/);
  });

  it("an old .doc", async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.doc")).toMatch(/old-format Office file/);
  });

  it("a spreadsheet's refusal as the reader's key, naming the file, worded in Spanish by the page's translator", async () => {
    const error = (await prepareBankFile(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), "lista.csv", options).catch((e: unknown) => e)) as BankFileRefusal;
    expect(error.message).toBe("“lista.csv”: This file is saved as UTF-16 text. Save it as “CSV UTF-8” or as an Excel workbook (.xlsx).");
    const t = createTranslator({ locale: "es", messages: loadMessages("es"), namespace: "errors" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    expect(error.text?.key).toBe("bankFile.tabularProblem");
    const { name, problem } = (error.text as Extract<BankFileRefusal["text"], { key: "bankFile.tabularProblem" }>).values;
    expect(t(error.text!.key, { name, problem: t(problem.key, problem.values) })).toBe(
      "«lista.csv»: Este archivo está guardado como texto UTF-16. Guárdelo como «CSV UTF-8» o como libro de Excel (.xlsx).",
    );
  });
});

describe("spreadsheets", () => {
  const row = ["How do you keep records?", "Whether records are kept.", "Say how.", "“Daily.”", "Organisation; Nonsense"];

  it("a Windows-1252 CSV reads its curly quotes, and names each problem by row and column", async () => {
    const csv = rowsToCsv([row, ["", "Assesses.", "", "“x”", ""]]);
    const bytes = new Uint8Array([...csv].map((c) => ({ "\u201c": 0x93, "\u201d": 0x94 })[c] ?? c.charCodeAt(0)));
    const preview = await prepareBankFile(bytes, "bank.csv", options);
    expect(preview.questions[0]).toMatchObject({ exampleAnswer: "“Daily.”", competencies: ["organisation"] });
    expect(preview.problems).toEqual([
      expect.objectContaining({ line: 2, severity: "warning", where: "row 2, column E (“Competencies”)", message: expect.stringContaining("“Nonsense” is not a competency") }),
      expect.objectContaining({ line: 3, severity: "warning", where: "row 3, column A (“Question”)" }),
      expect.objectContaining({ line: 3, severity: "error", where: "row 3, column C (“Guidance”)", message: "Entry 2 has no “What a good answer covers”." }),
      expect.objectContaining({ line: 3, severity: "warning", where: "row 3, column E (“Competencies”)", message: expect.stringContaining("no competency could be suggested") }),
    ]);
  });

  it("a UTF-8 CSV with a byte-order mark maps its first header", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(rowsToCsv([row]))]);
    const preview = await prepareBankFile(bytes, "bank.csv", options);
    expect(preview.columns?.mapping.text).toBe("Question");
    expect(preview.questions[0]?.text).toBe(row[0]);
  });

  it("uses the mapping given, and says which required column is unmapped", async () => {
    const preview = await prepareBankFile(utf8(rowsToCsv([row])), "bank.csv", { ...options, mapping: { text: "Question", assesses: "Guidance" } });
    expect(preview.questions[0]?.assesses).toBe("Say how.");
    expect(preview.problems.filter((p) => p.where === "the column mapping").map((p) => p.message)).toEqual([
      "Choose the column that holds “What a good answer covers”: every question needs it.",
      "Choose the column that holds “Example answer”: every question needs it.",
    ]);
  });
});

it("recognises formats by content before extension", () => {
  expect(detectBankFormat(utf8("<p>x</p>"), "a.html")).toBe("html");
  expect(detectBankFormat(utf8("text"), "a.txt")).toBe("text");
  expect(detectBankFormat(writeTestZip([{ name: "xl/workbook.xml", data: utf8("<x/>") }]), "upload.bin")).toBe("xlsx");
});

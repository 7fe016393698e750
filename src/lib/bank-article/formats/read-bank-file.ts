// Server-side: any question-bank file to what the importer works on. Articles (plain text, Markdown, HTML,
// Word) become the plain text the article parser reads; spreadsheets (CSV, .xlsx) become a table of rows.
// The format is chosen by the file's content first (a zip's parts, HTML tags, Markdown markers), then by
// its extension.
import { decodeText } from "@/lib/tabular/decode-text";
import { readTable, TabularError, type Table } from "@/lib/tabular/read-table";
import { inspectZip } from "@/lib/tabular/inspect-zip";
import { BankFileRefusal, sizeRefusal } from "./file-limits";
import { htmlToText, looksLikeHtml } from "./html-to-text";
import { looksLikeMarkdown, markdownToText } from "./markdown-to-text";
import { docxToText } from "./read-docx";

export type ArticleFormat = "text" | "markdown" | "html" | "docx";
export type TableFormat = "csv" | "xlsx";
export type BankFileFormat = ArticleFormat | TableFormat;

export type BankSource =
  | { kind: "article"; format: ArticleFormat; text: string; original: string | null; encoding: string | null }
  | { kind: "table"; format: TableFormat; table: Table };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";

/** Which reader a file goes to. Throws BankFileRefusal for files no reader takes. */
export function detectBankFormat(bytes: Uint8Array, name: string): BankFileFormat {
  const extension = extensionOf(name);
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    const parts = zipPartNames(bytes);
    if (parts?.has("word/document.xml")) return "docx";
    if (parts?.has("xl/workbook.xml")) return "xlsx";
    if (extension === "docx" || extension === "xlsx") return extension; // its reader says what is wrong
    throw new BankFileRefusal(`“${name}” is a zip file but neither a Word document (.docx) nor an Excel workbook (.xlsx).`, { key: "bankFile.zipNeither", values: { name } });
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new BankFileRefusal(`“${name}” is an old-format Office file (.doc or .xls). Save it as .docx or .xlsx and upload that.`, { key: "bankFile.oldOffice", values: { name } });
  }
  if (extension === "docx" || extension === "xlsx") return extension; // not a zip: the reader refuses it clearly
  if (extension === "csv") return "csv";
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "md" || extension === "markdown") return "markdown";
  return "text"; // .txt and anything else: the text's own look decides (textFormat)
}

function zipPartNames(bytes: Uint8Array): Set<string> | null {
  try {
    return new Set(inspectZip(bytes).map((e) => e.name));
  } catch {
    return null;
  }
}

/** The format of text whose name says nothing (a .txt, a paste): HTML tags, then Markdown markers. */
export function textFormat(text: string): "text" | "markdown" | "html" {
  if (looksLikeHtml(text)) return "html";
  if (looksLikeMarkdown(text)) return "markdown";
  return "text";
}

/** Text in one of the text formats as the parser's plain text. */
export function articleText(text: string, format: "text" | "markdown" | "html"): string {
  if (format === "html") return htmlToText(text);
  if (format === "markdown") return markdownToText(text);
  return text;
}

/** The reader's refusal, naming the file: English in `message`, the key and values for the page in `text`. */
const tabularRefusal = (name: string, error: TabularError) =>
  new BankFileRefusal(`“${name}”: ${error.message}`, { key: "bankFile.tabularProblem", values: { name, problem: error.problem } });

export async function readBankFile(bytes: Uint8Array, name: string): Promise<BankSource> {
  const tooBig = sizeRefusal(name, bytes.length);
  if (tooBig) throw tooBig;
  if (bytes.length === 0) throw new BankFileRefusal(`“${name}” is empty.`, { key: "bankFile.empty", values: { name } });
  const detected = detectBankFormat(bytes, name);
  if (detected === "docx") return { kind: "article", format: "docx", text: await docxToText(bytes, name), original: null, encoding: null };
  if (detected === "csv" || detected === "xlsx") {
    try {
      const table = await readTable(bytes, name);
      return { kind: "table", format: table.format, table };
    } catch (error) {
      if (error instanceof TabularError) throw tabularRefusal(name, error);
      throw error;
    }
  }
  const { text, encoding } = decodeTextOrRefuse(bytes, name);
  const format = detected === "text" ? textFormat(text) : detected;
  return { kind: "article", format, text: articleText(text, format), original: text, encoding };
}

function decodeTextOrRefuse(bytes: Uint8Array, name: string) {
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof TabularError) throw tabularRefusal(name, error);
    throw error;
  }
}

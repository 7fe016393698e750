// Server-side: any question-bank file or pasted text to the import preview. Articles go through the one
// article parser (prepareArticleImport) after conversion; spreadsheets through the column mapping.
import { prepareArticleImport } from "../prepare-import";
import { guessBankMapping, type BankColumnMapping } from "./bank-columns";
import { locateLines, type LocatedImport } from "./locate-lines";
import { articleText, readBankFile, textFormat, type ArticleFormat, type BankFileFormat, type BankSource } from "./read-bank-file";
import { tableToImport, type NamedCompetency } from "./table-to-import";

export type BankFilePreview = LocatedImport & {
  format: BankFileFormat;
  /** What the entries' line numbers count, when not the lines of the file itself. */
  lineNote: string | null;
  /** A spreadsheet's headers and the mapping used (to show and change in the mapping step); null for articles. */
  columns: { headers: string[]; mapping: BankColumnMapping } | null;
};

export type PrepareOptions = {
  competencies: readonly NamedCompetency[];
  curated?: ReadonlyMap<number, string>;
  /** The mapping the person chose; without it the remembered one or a guess from the headers. */
  mapping?: BankColumnMapping | null;
  rememberedMapping?: BankColumnMapping | null;
};

const LINE_NOTES: Record<BankFileFormat, string | null> = {
  text: null,
  markdown: null,
  html: "Line numbers are lines of the HTML where its text could be found, otherwise lines of the text read from it.",
  docx: "A Word document has no line numbers: lines count the text read from it, one paragraph a line with a blank line between.",
  csv: "Line numbers are the spreadsheet's row numbers.",
  xlsx: "Line numbers are the spreadsheet's row numbers.",
};

function prepareArticle(text: string, format: ArticleFormat, original: string | null, options: PrepareOptions): BankFilePreview {
  const prepared = prepareArticleImport(text, options.competencies, options.curated);
  return { ...locateLines(prepared, format, text, original), format, lineNote: LINE_NOTES[format], columns: null };
}

export function prepareSource(source: BankSource, options: PrepareOptions): BankFilePreview {
  if (source.kind === "article") return prepareArticle(source.text, source.format, source.original, options);
  const mapping = options.mapping ?? guessBankMapping(source.table.headers, options.rememberedMapping);
  return {
    ...tableToImport(source.table, mapping, options.competencies),
    format: source.format,
    lineNote: LINE_NOTES[source.format],
    columns: { headers: source.table.headers, mapping },
  };
}

export async function prepareBankFile(bytes: Uint8Array, name: string, options: PrepareOptions): Promise<BankFilePreview> {
  return prepareSource(await readBankFile(bytes, name), options);
}

/** Pasted text: plain text, Markdown or HTML (rich text from a browser or Word), as said or as it looks. */
export function prepareBankText(text: string, format: "text" | "markdown" | "html" | undefined, options: PrepareOptions): BankFilePreview {
  const chosen = format ?? textFormat(text);
  return prepareArticle(articleText(text, chosen), chosen, chosen === "html" ? text : null, options);
}

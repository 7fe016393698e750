import { ordinalLetters } from "@/lib/insights/blind-label-gaps";
import { englishTabularProblem, type TabularProblem } from "./tabular-problem";

export type { TabularProblem } from "./tabular-problem";

/** A spreadsheet or CSV read into plain text, whatever format it arrived in. */
export type Table = {
  format: "csv" | "xlsx";
  /** How a CSV's bytes were read (UTF-8 when they are valid UTF-8, else Windows-1252); null for .xlsx. */
  encoding: "utf-8" | "windows-1252" | null;
  /** The worksheet read (the first one with content); null for CSV. */
  sheetName: string | null;
  /** The header row's cells, trimmed; a blank header is named after its column ("Column C"). */
  headers: string[];
  /** Data rows (blank ones skipped), each as long as `headers`, numbered as a spreadsheet shows them. */
  rows: TableRow[];
};

export type TableRow = { rowNumber: number; cells: string[] };

/**
 * A file we refuse or cannot read; `problem` is for the person who uploaded it (worded in their language by
 * the caller) and names what to change (the file's size, the merged cells, the format); `message` is its English.
 */
export class TabularError extends Error {
  override readonly name = "TabularError";

  constructor(readonly problem: TabularProblem) {
    super(englishTabularProblem(problem));
  }
}

/** "A", "B", … "Z", "AA": how spreadsheets name a column (0-based index); the same letters as blind labels. */
export function columnLetter(index: number): string {
  return ordinalLetters(index + 1);
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What in `text` PostgreSQL cannot store: a NUL character (it refuses the whole write) or a lone UTF-16
 * surrogate (it would be replaced on the way in). Cheap enough for a whole file's text: the pattern for a lone
 * surrogate, the slow part, only runs on text that has surrogates at all (emoji).
 */
export function unstorableIn(text: string): "nul" | "surrogate" | null {
  if (text.includes("\u0000")) return "nul";
  return SURROGATE.test(text) && LONE_SURROGATE.test(text) ? "surrogate" : null;
}

/**
 * Refuses the first cell holding what cannot be stored, by row and column: the candidate import would otherwise
 * show the row as ready and fail on saving with a message that names neither.
 */
function refuseUnstorableCells(headerRow: TableRow, dataRows: TableRow[], headers: string[]) {
  headerRow.cells.forEach((cell, index) => {
    const what = unstorableIn(cell);
    if (what) throw new TabularError({ key: "tabular.unstorableHeader", values: { column: columnLetter(index), what } });
  });
  for (const row of dataRows) {
    row.cells.forEach((cell, index) => {
      const what = unstorableIn(cell);
      if (!what) return;
      throw new TabularError({
        key: "tabular.unstorableCell",
        values: { row: String(row.rowNumber), column: columnLetter(index), header: headers[index]!, what },
      });
    });
  }
}

/**
 * Turns raw rows (header first) into a Table's headers and rows: trims, drops blank rows, pads short rows, and
 * refuses a cell that cannot be stored. `checkCells: false` is for a reader that checked the file's whole text
 * already and found nothing.
 */
export function shapeTable(
  raw: { rowNumber: number; cells: string[] }[],
  { checkCells = true }: { checkCells?: boolean } = {},
): { headers: string[]; rows: TableRow[] } {
  const nonBlank = raw
    .map((row) => ({ rowNumber: row.rowNumber, cells: row.cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  const [headerRow, ...dataRows] = nonBlank;
  if (!headerRow) throw new TabularError({ key: "tabular.noRows" });
  const width = Math.max(headerRow.cells.length, ...dataRows.map((row) => row.cells.length));
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, index) => {
    const text = headerRow.cells[index] || `Column ${columnLetter(index)}`;
    // Two columns with the same header would be indistinguishable in the mapping step.
    const count = (seen.get(text.toLowerCase()) ?? 0) + 1;
    seen.set(text.toLowerCase(), count);
    return count === 1 ? text : `${text} (${count})`;
  });
  if (checkCells) refuseUnstorableCells(headerRow, dataRows, headers);
  const rows = dataRows.map((row) => ({
    rowNumber: row.rowNumber,
    cells: Array.from({ length: width }, (_, index) => row.cells[index] ?? ""),
  }));
  return { headers, rows };
}

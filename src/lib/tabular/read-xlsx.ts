import ExcelJS from "exceljs";
import { inspectZip } from "./inspect-zip";
import { TabularError, columnLetter, shapeTable, type Table } from "./table";

/** Parts every Excel workbook has; other zip files (a Word document, a folder of photos) lack them. */
const WORKBOOK_PART = "xl/workbook.xml";
const OTHER_OFFICE_FORMATS: [string, "word" | "powerpoint" | "opendocument"][] = [
  ["word/document.xml", "word"],
  ["ppt/presentation.xml", "powerpoint"],
  ["content.xml", "opendocument"],
];

/**
 * Excel's own calendar, serial 0 (a time of day alone: 1899-12-30 to exceljs) to 9999-12-31: a date-formatted
 * number outside it shows as ##### there, and has no date a person saw to read here.
 */
const FIRST_EXCEL_DATE_MS = Date.UTC(1899, 11, 30);
const LAST_EXCEL_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A cell as the text a person sees: a formula's last computed value (never the formula), a link's text.
 * `address` ("C5") names the cell when its value is a date Excel itself cannot show.
 */
export function cellText(value: ExcelJS.CellValue, address = "?"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return dateText(value, address);
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue, address);
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, address);
  if ("error" in value) return value.error;
  return "";
}

/**
 * Dates as ISO text: a date alone when it has no time of day (Excel stores dates as UTC midnight). A number
 * formatted as a date but far outside Excel's years (1E+9, or negative) reaches us as no date at all: refused,
 * naming the cell, rather than read as something the person never saw.
 */
function dateText(date: Date, address: string): string {
  const time = date.getTime();
  if (Number.isNaN(time) || time < FIRST_EXCEL_DATE_MS || time > LAST_EXCEL_DATE_MS) {
    throw new TabularError({ key: "tabular.dateOutOfRange", values: { cell: address } });
  }
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

function assertWorkbook(bytes: Uint8Array) {
  const names = new Set(inspectZip(bytes).map((entry) => entry.name));
  if (names.has(WORKBOOK_PART)) return;
  const other = OTHER_OFFICE_FORMATS.find(([part]) => names.has(part));
  throw new TabularError({ key: "tabular.notSpreadsheet", values: { kind: other ? other[1] : "zip" } });
}

/** Merged cells in the header row make column names ambiguous, so they are refused, named as Excel names them. */
function assertNoMergedHeaders(sheet: ExcelJS.Worksheet, headerRowNumber: number) {
  const ranges = new Map<string, string[]>();
  sheet.getRow(headerRowNumber).eachCell({ includeEmpty: true }, (cell, column) => {
    if (!cell.isMerged) return;
    const master = cell.master.address;
    ranges.set(master, [...(ranges.get(master) ?? []), `${columnLetter(column - 1)}${headerRowNumber}`]);
  });
  if (ranges.size === 0) return;
  const named = [...ranges.values()].map((cells) => (cells.length > 1 ? `${cells[0]}:${cells.at(-1)}` : cells[0]));
  throw new TabularError({ key: "tabular.mergedHeaders", values: { cells: named.join(", ") } });
}

/** The first worksheet with content, read as text; the zip is inspected before exceljs unpacks it. */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  assertWorkbook(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new TabularError({ key: "tabular.workbookUnreadable" });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new TabularError({ key: "tabular.sheetsEmpty" });
  const raw: { rowNumber: number; cells: string[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged cell's followers repeat the master's value in exceljs; a person sees it once.
      cells[column - 1] = cell.isMerged && cell.master !== cell ? "" : cellText(cell.value, `${columnLetter(column - 1)}${rowNumber}`);
    });
    raw.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  const firstRow = raw.find((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (firstRow) assertNoMergedHeaders(sheet, firstRow.rowNumber);
  const { headers, rows } = shapeTable(raw);
  return { format: "xlsx", encoding: null, sheetName: sheet.name, headers, rows };
}

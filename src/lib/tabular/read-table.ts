import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { TabularError, type Table } from "./table";

// Server-side (node:zlib, exceljs): a CSV or .xlsx file into plain-text rows, chosen by the file's content and
// its name. Nothing in a cell is ever evaluated; a cell starting with = + - @ is just that text, and anything
// written back out to a spreadsheet goes through src/lib/csv/guard-cell.ts.

export type { Table, TableRow } from "./table";
export { TabularError } from "./table";

export const TABULAR_LIMITS = { maxFileBytes: 20 * 1024 * 1024 };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Office files (.xls, and password-protected .xlsx) share this signature. */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

function megabytes(bytes: number) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Refuses a file over the size limit before anything parses it (also usable on a declared Content-Length). */
export function assertTabularSize(byteLength: number) {
  if (byteLength > TABULAR_LIMITS.maxFileBytes) {
    throw new TabularError(
      `This file is ${megabytes(byteLength)}; the limit is ${megabytes(TABULAR_LIMITS.maxFileBytes)}. Split it into smaller files or remove unused columns.`,
    );
  }
}

/** Reads a CSV or an Excel workbook (.xlsx). Throws TabularError with a message for the uploader. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  assertTabularSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new TabularError("The file is empty.");
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, ZIP_SIGNATURE)) return readXlsx(bytes);
  if (startsWith(bytes, COMPOUND_FILE_SIGNATURE)) {
    throw new TabularError(
      "This is an old-format Excel file (.xls) or a password-protected workbook. Save it as .xlsx (without a password) or as CSV, then upload that.",
    );
  }
  if (extension === "xlsx" || extension === "xlsm") {
    throw new TabularError(`“${fileName}” is named like an Excel workbook but is not one. Upload a CSV file or an .xlsx workbook.`);
  }
  return readCsv(bytes);
}

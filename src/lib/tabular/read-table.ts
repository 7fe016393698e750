import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { TabularError, type Table } from "./table";

// Server-side (node:zlib, exceljs): a CSV or .xlsx file into plain-text rows, chosen by the file's content and
// its name. Nothing in a cell is ever evaluated; a cell starting with = + - @ is just that text, and anything
// written back out to a spreadsheet goes through src/lib/csv/guard-cell.ts.

export type { Table, TableRow } from "./table";
export { TabularError, type TabularProblem } from "./table";

export const TABULAR_LIMITS = { maxFileBytes: 20 * 1024 * 1024 };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Office files (.xls, and password-protected .xlsx) share this signature. */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/** Whole megabytes: every size named here is over the limit of 20, where a decimal says nothing. */
const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Refuses a file over the size limit before anything parses it (also usable on a declared Content-Length). */
export function assertTabularSize(byteLength: number) {
  if (byteLength > TABULAR_LIMITS.maxFileBytes) {
    throw new TabularError({ key: "tabular.tooLarge", values: { size: megabytes(byteLength), limit: megabytes(TABULAR_LIMITS.maxFileBytes) } });
  }
}

/** Reads a CSV or an Excel workbook (.xlsx). Throws TabularError with the problem for the uploader. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  assertTabularSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new TabularError({ key: "tabular.empty" });
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, ZIP_SIGNATURE)) return readXlsx(bytes);
  if (startsWith(bytes, COMPOUND_FILE_SIGNATURE)) {
    throw new TabularError({ key: "tabular.oldExcel" });
  }
  if (extension === "xlsx" || extension === "xlsm") {
    throw new TabularError({ key: "tabular.namedLikeWorkbook", values: { file: fileName } });
  }
  return readCsv(bytes);
}

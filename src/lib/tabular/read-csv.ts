import { parse } from "csv-parse/sync";
import { decodeText } from "./decode-text";
import { TabularError, shapeTable, unstorableIn, type Table } from "./table";

/** The separator the header line uses most: Excel writes ";" where the decimal comma is used, some tools tabs. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const candidates = [",", ";", "\t"];
  const counts = candidates.map((delimiter) => firstLine.split(delimiter).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? "," : candidates[counts.indexOf(best)]!;
}

/**
 * A CSV file's rows. A cell is taken as its literal text: "=HYPERLINK(…)" stays those characters, nothing is
 * evaluated. Rows are numbered by record, as a spreadsheet opening the file numbers them (a quoted cell with a
 * line break stays in one row).
 */
export function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new TabularError(
      error instanceof Error && "lines" in error
        ? { key: "tabular.csvUnreadableNear", values: { line: String(error.lines) } }
        : { key: "tabular.csvUnreadable" },
    );
  }
  // decodeText looked for NUL in the first 8 KiB only (a binary file); the whole text is checked once here, and
  // only a file holding such a character is searched cell by cell, to name the row and column.
  const { headers, rows } = shapeTable(
    records.map((cells, index) => ({ rowNumber: index + 1, cells })),
    { checkCells: unstorableIn(text) !== null },
  );
  return { format: "csv", encoding, sheetName: null, headers, rows };
}

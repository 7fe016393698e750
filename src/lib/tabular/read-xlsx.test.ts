// Date cells in .xlsx workbooks as exceljs hands them over: a number formatted as a date becomes a Date, and one
// far outside Excel's calendar (Excel shows it as #####) becomes an Invalid Date, which must be refused by cell,
// never thrown as a RangeError (a 500 in the candidate import and the bank import's preview).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable, TabularError } from "./read-table";

/** A workbook whose sheet has a header row and one row of date-formatted numbers (Excel serials). */
async function dateWorkbook(serials: number[], numFmt = "yyyy-mm-dd"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Candidates");
  sheet.addRow(["Name", ...serials.map((_, i) => `Date ${i + 1}`)]);
  const row = sheet.addRow(["Ada", ...serials]);
  serials.forEach((_, i) => (row.getCell(i + 2).numFmt = numFmt));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<TabularError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TabularError);
  return error as TabularError;
}

describe("readTable on .xlsx date cells", () => {
  it("reads dates and times of day as ISO text", async () => {
    // 46357 is 2026-12-01; 46357.5 its noon; 0.4375 a time of day alone (10:30).
    const table = await readTable(await dateWorkbook([46357, 46357.5, 0.4375]), "dates.xlsx");
    expect(table.rows[0]?.cells).toEqual(["Ada", "2026-12-01", "2026-12-01T12:00:00Z", "1899-12-30T10:30:00Z"]);
  });

  it("refuses a date-formatted number that is no date (1E+9), naming the cell, instead of throwing a RangeError", async () => {
    const error = await refusal(readTable(await dateWorkbook([46357, 1e9]), "huge.xlsx"));
    expect(error.problem).toEqual({ key: "tabular.dateOutOfRange", values: { cell: "C2" } });
    expect(error.message).toBe("Cell C2 is formatted as a date but holds a number that is no date (Excel shows it as #####). Correct or clear that cell, then upload again.");
  });

  it("refuses negative and past-9999 date numbers, which Excel shows as ##### too", async () => {
    expect((await refusal(readTable(await dateWorkbook([-5]), "negative.xlsx"))).problem.values).toEqual({ cell: "B2" });
    // 2958466 is 10000-01-01: toISOString would write "+010000-01-01".
    expect((await refusal(readTable(await dateWorkbook([46357, 46357, 2958466]), "future.xlsx"))).problem.values).toEqual({ cell: "D2" });
  });

  it("refuses a formula whose cached result is such a date number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Candidates");
    sheet.addRow(["Name", "Start"]);
    sheet.addRow(["Ada", { formula: "B1*1000000", result: 1e12 }]);
    sheet.getCell("B2").numFmt = "dd/mm/yyyy";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await refusal(readTable(bytes, "formula.xlsx"))).problem.values).toEqual({ cell: "B2" });
  });
});

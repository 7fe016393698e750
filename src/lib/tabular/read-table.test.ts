import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { readTable, TabularError } from "./read-table";
import { shapeTable } from "./table";
import { writeTestZip } from "./write-test-zip";

type Say = (key: string, values?: Record<string, string | number>) => string;
const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("Candidates"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TabularError);
  return (error as TabularError).message;
}

describe("readTable on CSV", () => {
  it("drops a byte-order mark so the first header reads as typed", async () => {
    const table = await readTable(utf8("\uFEFFName,Email\nAda,ada@example.com\n"), "list.csv");
    expect(table.headers).toEqual(["Name", "Email"]);
    expect(table.encoding).toBe("utf-8");
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ["Ada", "ada@example.com"] }]);
  });

  it("reads a Windows-1252 file (Excel's CSV on Windows) and says so", async () => {
    // "Zoë" and curly quotes as Windows-1252 bytes: ë = EB, “ = 93, ” = 94; invalid as UTF-8.
    const bytes = new Uint8Array([...utf8("Name,Notes\nZo"), 0xeb, ...utf8(","), 0x93, ...utf8("quotes"), 0x94, 0x0a]);
    const table = await readTable(bytes, "list.csv");
    expect(table.encoding).toBe("windows-1252");
    expect(table.rows[0]?.cells).toEqual(["Zoë", "“quotes”"]);
  });

  it("keeps formula-looking cells as their literal text", async () => {
    const csv = 'Name,Link\n"=HYPERLINK(""http://evil.example"",""x"")",+1\n@SUM(A1),-2\n';
    const table = await readTable(utf8(csv), "list.csv");
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['=HYPERLINK("http://evil.example","x")', "+1"],
      ["@SUM(A1)", "-2"],
    ]);
  });

  it("skips blank rows but numbers the rest as a spreadsheet shows them", async () => {
    const csv = 'Name;Notes\n\nAda;"two\nlines"\n;\nGrace;ok\n';
    const table = await readTable(utf8(csv), "list.csv");
    expect(table.headers).toEqual(["Name", "Notes"]);
    expect(table.rows).toEqual([
      { rowNumber: 3, cells: ["Ada", "two\nlines"] },
      { rowNumber: 5, cells: ["Grace", "ok"] },
    ]);
  });

  it("names blank and repeated headers so each column can be told apart", async () => {
    const table = await readTable(utf8("Name,,Name\na,b,c,d\n"), "list.csv");
    expect(table.headers).toEqual(["Name", "Column B", "Name (2)", "Column D"]);
  });

  it("refuses a 50 MB file before parsing it", async () => {
    const message = await refusal(readTable(new Uint8Array(50 * 1024 * 1024), "big.csv"));
    expect(message).toContain("50 MB");
    expect(message).toContain("limit is 20 MB");
  });

  it("words a refusal in the reader's language from its key and values, the English unchanged", async () => {
    const error = (await readTable(new Uint8Array(50 * 1024 * 1024), "big.csv").catch((caught: unknown) => caught)) as TabularError;
    expect(error.problem).toEqual({ key: "tabular.tooLarge", values: { size: 50, limit: 20 } });
    expect(error.message).toBe("This file is 50 MB; the limit is 20 MB. Split it into smaller files or remove unused columns.");
    const spanish = createTranslator({ locale: "es", messages: loadMessages("es"), namespace: "errors" }) as unknown as Say;
    expect(spanish(error.problem.key, error.problem.values)).toBe(
      "Este archivo ocupa 50 MB; el límite es de 20 MB. Divídalo en archivos más pequeños o elimine las columnas que no use.",
    );
  });

  it("refuses binary files and old .xls workbooks with advice", async () => {
    expect(await refusal(readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls"))).toContain("Save it as .xlsx");
    expect(await refusal(readTable(utf8("Name\nAda\n"), "list.xlsx"))).toContain("not one");
    expect(await refusal(readTable(new Uint8Array([1, 0, 2, 0]), "photo.csv"))).toContain("not text");
  });
});

describe("readTable on .xlsx", () => {
  it("reads cells as text and a formula as its cached value, never the formula", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["Name", "Email", "Portfolio", "Score", "Applied"]);
      sheet.addRow([
        "Zoë “Z”",
        "zoe@example.com",
        { formula: 'HYPERLINK("http://evil.example","Portfolio")', result: "Portfolio" },
        { formula: "1+1", result: 2 },
        new Date(Date.UTC(2026, 0, 5)),
      ]);
      sheet.addRow([]);
      sheet.addRow(["=1+1 typed as text", "", "", "", ""]);
    });
    const table = await readTable(bytes, "list.xlsx");
    expect(table).toMatchObject({ format: "xlsx", sheetName: "Candidates" });
    expect(table.headers).toEqual(["Name", "Email", "Portfolio", "Score", "Applied"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["Zoë “Z”", "zoe@example.com", "Portfolio", "2", "2026-01-05"] },
      { rowNumber: 4, cells: ["=1+1 typed as text", "", "", "", ""] },
    ]);
  });

  it("is chosen by content, whatever the file is called", async () => {
    const bytes = await xlsx((sheet) => sheet.addRows([["Name"], ["Ada"]]));
    expect((await readTable(bytes, "export.csv")).format).toBe("xlsx");
  });

  it("refuses merged header cells, naming them", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["Candidate", "", "Email"]);
      sheet.mergeCells("A1:B1");
      sheet.addRow(["Ada", "Lovelace", "ada@example.com"]);
    });
    expect(await refusal(readTable(bytes, "list.xlsx"))).toContain("merged cells (A1:B1)");
  });

  it("refuses a zip bomb before unpacking it", async () => {
    const bomb = writeTestZip([
      { name: "[Content_Types].xml", data: utf8("<Types/>") },
      { name: "xl/workbook.xml", data: new Uint8Array(30 * 1024 * 1024) },
    ]);
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(await refusal(readTable(bomb, "list.xlsx"))).toContain("zip bomb");
  });

  it("refuses an archive whose table of contents understates what it unpacks to", async () => {
    const liar = writeTestZip([
      { name: "[Content_Types].xml", data: utf8("<Types/>".repeat(50)) },
      { name: "xl/workbook.xml", data: new Uint8Array(5 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(await refusal(readTable(liar, "list.xlsx"))).toContain("zip bomb");
  });

  it("refuses a zip that is not a spreadsheet, saying what it is", async () => {
    const docx = writeTestZip([{ name: "word/document.xml", data: utf8("<w:document/>") }]);
    expect(await refusal(readTable(docx, "list.xlsx"))).toContain("a Word document, not a spreadsheet");
    const plain = writeTestZip([{ name: "photo.txt", data: utf8("hello") }]);
    expect(await refusal(readTable(plain, "list.xlsx"))).toContain("a zip archive, not a spreadsheet");
  });
});

describe("readTable and characters that cannot be stored", () => {
  /** A candidate CSV whose first `rows` rows fill well over 8 KiB, with `cell` as the Notes of the last row. */
  const longCsv = (rows: number, cell: string) =>
    ["Name,Email,Notes", ...Array.from({ length: rows - 1 }, (_, i) => `Person ${i},person${i}@example.com,fine`), `Last,last@example.com,${cell}`].join("\n");

  it("refuses a NUL character after the first 8 KiB, naming the row and the column", async () => {
    const text = longCsv(400, "bad\u0000value");
    expect(text.indexOf("\u0000")).toBeGreaterThan(8192);
    const error = (await readTable(utf8(text), "list.csv").catch((caught: unknown) => caught)) as TabularError;
    expect(error).toBeInstanceOf(TabularError);
    expect(error.problem).toEqual({ key: "tabular.unstorableCell", values: { row: "401", column: "C", header: "Notes", what: "nul" } });
    expect(error.message).toBe(
      "Row 401, column C (“Notes”) holds a NUL character (\\0), which cannot be stored. It often comes from a damaged export: remove it, then upload the file again.",
    );
    const spanish = createTranslator({ locale: "es", messages: loadMessages("es"), namespace: "errors" }) as unknown as Say;
    expect(spanish(error.problem.key, error.problem.values)).toMatch(/^La fila 401, columna C \(«Notes»\) contiene un carácter NUL/);
  });

  it("finds the byte 0 in a Windows-1252 file too", async () => {
    const bytes = new Uint8Array([...utf8(longCsv(400, "Zo")), 0xeb, 0x00, 0x0a]);
    expect(await refusal(readTable(bytes, "list.csv"))).toMatch(/^Row 401, column C \(“Notes”\) holds a NUL character/);
  });

  it("still calls a file with a NUL in its first 8 KiB no text (a binary file)", async () => {
    expect(await refusal(readTable(utf8("Name,Notes\nAda,a\u0000b\n"), "list.csv"))).toContain("not text");
  });

  it("names a broken character (a lone surrogate) in a cell or a header, from any reader", () => {
    const cell = (() => {
      try {
        shapeTable([{ rowNumber: 1, cells: ["Name", "Notes"] }, { rowNumber: 3, cells: ["Ada", "x\uD800y"] }]);
      } catch (error) {
        return error;
      }
    })() as TabularError;
    expect(cell.problem).toEqual({ key: "tabular.unstorableCell", values: { row: "3", column: "B", header: "Notes", what: "surrogate" } });
    expect(cell.message).toMatch(/^Row 3, column B \(“Notes”\) holds a broken character/);
    expect(() => shapeTable([{ rowNumber: 2, cells: ["Name", "No\uDC00tes"] }])).toThrow(/^The header in column B holds a broken character/);
    // An emoji is a pair of surrogates, and stays.
    expect(shapeTable([{ rowNumber: 1, cells: ["Name 🙂"] }, { rowNumber: 2, cells: ["Ada 🚀"] }]).rows[0]?.cells).toEqual(["Ada 🚀"]);
  });
});

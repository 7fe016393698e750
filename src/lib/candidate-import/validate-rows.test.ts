import { describe, expect, it } from "vitest";
import { guessMapping, mappingProblems, suggestMapping } from "./guess-mapping";
import { validateRows, type ImportVacancy } from "./validate-rows";

const designer: ImportVacancy = { id: "vac-design", title: "Product Designer", status: "OPEN", firstStageId: "stage-1" };
const closed: ImportVacancy = { id: "vac-closed", title: "Night Porter", status: "CLOSED", firstStageId: null };
const headers = ["Full Name", "E-mail", "Mobile", "Job Title", "Comments"];
const mapping = guessMapping(headers);
const table = (...rows: string[][]) => ({ headers, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })) });

describe("the mapping step", () => {
  it("guesses each field from headers as applicant tracking systems export them", () => {
    expect(mapping).toEqual({ name: "Full Name", email: "E-mail", phone: "Mobile", vacancy: "Job Title", notes: "Comments" });
  });

  it("prefers the organisation's remembered mapping where the file has those headers", () => {
    const stored = { name: "Comments", email: "E-mail", phone: "Gone column" };
    expect(suggestMapping(stored, headers)).toEqual({
      mapping: { name: "Comments", email: "E-mail", phone: null, vacancy: null, notes: null },
      remembered: true,
    });
    expect(suggestMapping({ name: "Elsewhere" }, headers).remembered).toBe(false);
  });

  it("asks for a name column and refuses one column for two fields", () => {
    expect(mappingProblems({ ...mapping, name: null }, headers)).toEqual(["Choose the column that holds the candidates' names."]);
    expect(mappingProblems({ ...mapping, notes: "E-mail" }, headers)).toEqual(["The column “E-mail” is chosen for both email and notes."]);
  });
});

describe("validateRows", () => {
  it("reports each row's problems by field, as the candidate form words them", () => {
    const [ok, badEmail, noName, unknownVacancy, closedVacancy] = validateRows(
      table(
        ["Zoë Ng", "ZOE@example.com", "+44 20 1234", "product designer", "=HYPERLINK(\"x\")"],
        ["Ada", "not-an-email", "", "Product Designer", ""],
        ["", "b@example.com", "", "Product Designer", ""],
        ["Cy", "c@example.com", "", "Astronaut", ""],
        ["Di", "d@example.com", "", "Night Porter", ""],
      ),
      mapping,
      [designer, closed],
      null,
    );
    expect(ok).toMatchObject({ rowNumber: 2, problems: [], vacancy: designer });
    expect(ok?.fields).toMatchObject({ name: "Zoë Ng", email: "zoe@example.com", notes: '=HYPERLINK("x")' });
    expect(badEmail?.problems).toEqual([{ field: "email", message: "Enter a valid email address" }]);
    expect(noName?.problems).toEqual([{ field: "name", message: "Enter the candidate's name" }]);
    expect(unknownVacancy?.problems).toEqual([{ field: "vacancy", message: "No vacancy “Astronaut” in this organisation." }]);
    expect(closedVacancy?.problems[0]?.message).toContain("is closed");
  });

  it("uses the chosen vacancy for rows without one, and finds a vacancy by id", () => {
    const rows = validateRows(table(["Ada", "", "", "", ""], ["Bo", "", "", "vac-design", ""]), mapping, [designer], designer);
    expect(rows.map((row) => [row.vacancy?.id, row.problems])).toEqual([["vac-design", []], ["vac-design", []]]);
    const [withoutDefault] = validateRows(table(["Ada", "", "", "", ""]), mapping, [designer], null);
    expect(withoutDefault?.problems[0]?.field).toBe("vacancy");
  });

  it("flags the same email for the same vacancy twice in one file on the later row", () => {
    const rows = validateRows(
      table(["Ada", "ada@example.com", "", "", ""], ["Ada L", "ADA@example.com", "", "", ""]),
      mapping,
      [designer],
      designer,
    );
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]?.problems).toEqual([{ field: "email", message: "Same email and vacancy as row 2." }]);
  });
});

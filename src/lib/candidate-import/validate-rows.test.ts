import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/config";
import { loadMessages, type Messages } from "@/i18n/load-messages";
import type { ImportProblem, MappingProblem } from "@/lib/schemas/candidate-import";
import { candidateFieldsSchema } from "@/lib/schemas/candidates";
import { guessMapping, mappingProblems, suggestMapping } from "./guess-mapping";
import { validateRows, type ImportVacancy } from "./validate-rows";

// Problems come as keys and values; the page words them with the candidateImport namespace, as here.
const say = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale), namespace: "candidateImport" }) as unknown as (key: string, values?: Record<string, string>) => string;
const english = say("en");
const word = (problem: ImportProblem, t = english) => t(`problems.${problem.key}`, problem.values);
const wordMapping = (problem: MappingProblem, t = english) => t(`mappingProblems.${problem.key}`, problem.values);
const worded = (problems: ImportProblem[] | undefined, t = english) => problems?.map((problem) => [problem.field, word(problem, t)]);

const designer: ImportVacancy = { id: "vac-design", title: "Product Designer", status: "OPEN", firstStageId: "stage-1" };
const closed: ImportVacancy = { id: "vac-closed", title: "Night Porter", status: "CLOSED", firstStageId: null };
const headers = ["Full Name", "E-mail", "Mobile", "Job Title", "Comments"];
const mapping = guessMapping(headers);
const table = (...rows: string[][]) => ({ headers, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })) });

describe("the mapping step", () => {
  it("guesses each field from headers as applicant tracking systems export them", () => {
    expect(mapping).toEqual({ name: "Full Name", email: "E-mail", phone: "Mobile", vacancy: "Job Title", notes: "Comments" });
  });

  it("prefers the organisation's remembered mapping where the file has those headers, and guesses the rest", () => {
    const stored = { name: "Comments", email: "E-mail", phone: "Gone column" };
    // Phone's remembered column is not in this file and vacancy had none: both guessed; notes' guess
    // ("Comments") is the remembered name column already, so it stays unset rather than used twice.
    expect(suggestMapping(stored, headers)).toEqual({
      mapping: { name: "Comments", email: "E-mail", phone: "Mobile", vacancy: "Job Title", notes: null },
      remembered: true,
    });
    // A file with another name column but the remembered "Job Title": its name column is still found.
    expect(suggestMapping({ name: "Candidate", vacancy: "Job Title" }, headers).mapping).toEqual(mapping);
    expect(suggestMapping({ name: "Elsewhere" }, headers).remembered).toBe(false);
  });

  it("asks for a name column and refuses one column for two fields", () => {
    expect(mappingProblems({ ...mapping, name: null }, headers).map((p) => wordMapping(p))).toEqual(["Choose the column that holds the candidates' names."]);
    const twice = mappingProblems({ ...mapping, notes: "E-mail" }, headers);
    expect(twice.map((p) => wordMapping(p))).toEqual(["The column “E-mail” is chosen for both email and notes."]);
    expect(twice.map((p) => wordMapping(p, say("es")))).toEqual(["La columna «E-mail» está elegida a la vez para correo electrónico y para notas."]);
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
    expect(worded(badEmail?.problems)).toEqual([["email", "Enter a valid email address"]]);
    expect(worded(noName?.problems)).toEqual([["name", "Enter the candidate's name"]]);
    expect(worded(unknownVacancy?.problems)).toEqual([["vacancy", "No vacancy “Astronaut” in this organisation."]]);
    expect(worded(closedVacancy?.problems)).toEqual([["vacancy", "The vacancy “Night Porter” is closed: it takes no new candidates."]]);
    // The same facts in Spanish, for a reader who chose it.
    expect(worded(unknownVacancy?.problems, say("es"))).toEqual([["vacancy", "No hay ninguna vacante «Astronaut» en esta organización."]]);
    expect(worded(badEmail?.problems, say("es"))).toEqual([["email", "Introduzca una dirección de correo electrónico válida"]]);
  });

  it("words every field the candidate form refuses exactly as the form's schema does", () => {
    const cells = { name: "N".repeat(121), email: `${"e".repeat(320)}@example.com`, phone: "call me", notes: "n".repeat(5001) };
    const long = { ...cells, phone: "1".repeat(41) };
    for (const row of [cells, long, { ...cells, email: "nope" }]) {
      const [checked] = validateRows(table([row.name, row.email, row.phone, "Product Designer", row.notes]), mapping, [designer], null);
      const schema = candidateFieldsSchema.safeParse(row);
      expect(schema.success).toBe(false);
      expect(worded(checked?.problems)).toEqual(schema.error!.issues.map((issue) => [issue.path[0], issue.message]));
      expect(checked?.problems.map((p) => p.key)).not.toContain("other");
    }
  });

  it("has the same problem messages in the page's namespace and in the import's refusal (errors)", () => {
    for (const locale of ["en", "es"] as const) {
      const messages = loadMessages(locale);
      const errors = (messages.errors as Messages).candidateImport as Messages;
      const page = messages.candidateImport as Messages;
      expect(errors.problems, locale).toEqual(page.problems);
      expect(errors.mapping, locale).toEqual(page.mappingProblems);
    }
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
    expect(worded(rows[1]?.problems)).toEqual([["email", "Same email and vacancy as row 2."]]);
  });

  it("flags a row without an email that repeats an earlier row's name and phone for the same vacancy", () => {
    // Matched as the database matches a file read again: case and spaces in the name, anything but digits in
    // the phone, do not tell two rows apart; an email on either row, or another vacancy, does.
    const rows = validateRows(
      table(
        ["Ada Lovelace", "", "+44 20 1234", "", ""],
        ["ada  LOVELACE ", "", "(4420) 1234", "", ""],
        ["Ada Lovelace", "", "", "", ""],
        ["Ada Lovelace", "", "", "", ""],
        ["Ada Lovelace", "ada@example.com", "+44 20 1234", "", ""],
        ["Ada Lovelace", "", "+44 20 1234", "Night Porter", ""],
      ),
      mapping,
      [designer, { ...closed, status: "OPEN" }],
      designer,
    );
    expect(rows.map((row) => worded(row.problems))).toEqual([
      [],
      [["name", "Same name, phone and vacancy as row 2, and no email to tell them apart."]],
      [],
      [["name", "Same name, phone and vacancy as row 4, and no email to tell them apart."]],
      [],
      [],
    ]);
    expect(worded(rows[1]?.problems, say("es"))).toEqual([["name", "Mismo nombre, teléfono y vacante que la fila 2, sin correo electrónico que las distinga."]]);
  });
});

// A question-bank spreadsheet's rows to the same entries the article import previews: one entry per row,
// fields from the mapped columns, competencies from the competencies column (slugs or names) or suggested
// from the words as for an article. Every problem names its row and column. Rows need no article parser:
// each field already has its own cell.
import type { Table } from "@/lib/tabular/table";
import { columnLetter } from "@/lib/tabular/table";
import type { ImportCandidate } from "../prepare-import";
import { suggestCompetencies, type CompetencyKeywords } from "../suggest-competencies";
import { BANK_FIELDS, type BankColumnMapping, type BankField } from "./bank-columns";
import type { LineProblemText, ProblemPlace } from "../line-problem";
import type { LocatedImport, LocatedProblem } from "./locate-lines";

export type NamedCompetency = CompetencyKeywords & { name: string };

const MAX_COMPETENCIES = 3;

export function tableToImport(table: Table, mapping: BankColumnMapping, competencies: readonly NamedCompetency[]): LocatedImport {
  const problems: LocatedProblem[] = [];
  const column = (field: BankField) => {
    const header = mapping[field];
    const index = header ? table.headers.indexOf(header) : -1;
    return index >= 0 ? { index, letter: columnLetter(index), header: table.headers[index] ?? "", name: `column ${columnLetter(index)} (“${table.headers[index]}”)` } : null;
  };
  const columns = Object.fromEntries(BANK_FIELDS.map((f) => [f.key, column(f.key)])) as Record<BankField, ReturnType<typeof column>>;
  for (const field of BANK_FIELDS) {
    if (field.required && !columns[field.key]) {
      problems.push({ line: 1, severity: "error", where: "the column mapping", place: { key: "mapping" }, message: `Choose the column that holds “${field.label}”: every question needs it.`, key: "chooseColumn", values: { field: field.key } });
    }
  }
  const bySlugOrName = new Map(competencies.flatMap((c) => [[c.slug.toLowerCase(), c.slug] as const, [c.name.toLowerCase(), c.slug] as const]));

  const questions: ImportCandidate[] = table.rows.map((row, i) => {
    const index = i + 1;
    const cell = (field: BankField) => {
      const col = columns[field];
      return col ? (row.cells[col.index] ?? "").replace(/\r\n?/g, "\n").trim() : "";
    };
    const at = (field: BankField) => `row ${row.rowNumber}, ${columns[field]?.name ?? "unmapped column"}`;
    const place = (field: BankField): ProblemPlace => {
      const col = columns[field];
      return { key: "cell", values: { row: String(row.rowNumber), mapped: col ? "yes" : "no", letter: col?.letter ?? "", header: col?.header ?? "" } };
    };
    const problem = (severity: LocatedProblem["severity"], field: BankField, message: string, text: LineProblemText) =>
      problems.push({ line: row.rowNumber, severity, entryIndex: index, where: at(field), place: place(field), message, ...text });

    const text = cell("text");
    if (columns.text && text === "") problem("warning", "text", `Entry ${index} has no question text: write the question to ask.`, { key: "noQuestionText", values: { index } });
    for (const field of BANK_FIELDS) {
      if (field.required && columns[field.key] && cell(field.key) === "") problem("error", field.key, `Entry ${index} has no “${field.label}”.`, { key: "emptyField", values: { index, field: field.key } });
    }
    const fields = { text: text || null, assesses: cell("assesses"), howToAnswer: cell("howToAnswer"), exampleAnswer: cell("exampleAnswer") };
    let slugs: string[] = [];
    const named = cell("competencies");
    if (named) {
      const tokens = named.split(/[,;\n|]+/).map((t) => t.trim()).filter(Boolean);
      const unknown = tokens.filter((t) => !bySlugOrName.has(t.toLowerCase()));
      slugs = [...new Set(tokens.flatMap((t) => bySlugOrName.get(t.toLowerCase()) ?? []))];
      if (unknown.length > 0) {
        const names = unknown.map((u) => `“${u}”`).join(", ");
        problem("warning", "competencies", `Entry ${index}: ${names} ${unknown.length === 1 ? "is not a competency" : "are not competencies"} of the framework and ${unknown.length === 1 ? "was" : "were"} left out.`, { key: "unknownCompetencies", values: { index, names, count: unknown.length } });
      }
      if (slugs.length > MAX_COMPETENCIES) problem("warning", "competencies", `Entry ${index} names ${slugs.length} competencies; keep at most three.`, { key: "tooManyCompetencies", values: { index, count: slugs.length } });
    }
    if (slugs.length === 0) {
      slugs = suggestCompetencies(fields, competencies);
      if (slugs.length === 0) {
        problem("warning", "competencies", `Entry ${index}: no competency could be suggested from what it assesses; choose one to three by hand.`, { key: "noCompetency", values: { index } });
      }
    }
    return { index, line: row.rowNumber, ...fields, competencies: slugs };
  });
  if (questions.length === 0) problems.push({ line: 1, severity: "error", where: "the sheet", place: { key: "sheet" }, message: "The sheet has a header row but no rows of questions under it.", key: "noRows" });
  problems.sort((a, b) => a.line - b.line);
  return { title: null, role: null, questions, problems };
}

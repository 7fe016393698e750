// Every row of a candidate file checked as the candidate form checks its fields, plus what only a file has:
// a vacancy named by title or id, and the same candidacy twice in one file.
import type { z } from "zod";
import { candidateFieldsSchema, type CandidateFields } from "@/lib/schemas/candidates";
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportProblem } from "@/lib/schemas/candidate-import";

export type ImportVacancy = { id: string; title: string; status: "OPEN" | "ON_HOLD" | "FILLED" | "CLOSED"; firstStageId: string | null };

export type RawRow = Record<ImportField, string>;

export type ValidatedRow = {
  rowNumber: number;
  raw: RawRow;
  /** The fields as the candidate form would store them; null when they have a problem. */
  fields: CandidateFields | null;
  vacancy: ImportVacancy | null;
  problems: ImportProblem[];
};

/** Resolves a vacancy cell: an id, else a title (case and spacing ignored); null with a problem when neither fits. */
function vacancyResolver(vacancies: ImportVacancy[]) {
  const byId = new Map(vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const byTitle = new Map<string, ImportVacancy[]>();
  const titleKey = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();
  for (const vacancy of vacancies) byTitle.set(titleKey(vacancy.title), [...(byTitle.get(titleKey(vacancy.title)) ?? []), vacancy]);
  return (cell: string): { vacancy: ImportVacancy | null; problem: ImportProblem | null } => {
    const vacancy = byId.get(cell) ?? null;
    const titled = byTitle.get(titleKey(cell)) ?? [];
    const problem = (key: ImportProblem["key"], named: string) => ({ vacancy: null, problem: { field: "vacancy" as const, key, values: { vacancy: named } } });
    if (!vacancy && titled.length > 1) return problem("twoVacancies", cell);
    const found = vacancy ?? titled[0] ?? null;
    if (!found) return problem("noSuchVacancy", cell);
    if (found.status === "CLOSED") return problem("vacancyClosed", found.title);
    if (found.status === "FILLED") return problem("vacancyFilled", found.title);
    return { vacancy: found, problem: null };
  };
}

/**
 * A field the candidate form's schema refused, as the fact its message states (the messages say the same as
 * the schema's English: validate-rows.test.ts compares them); anything else keeps the schema's own words.
 */
function fieldProblem(field: ImportField | "row", issue: z.core.$ZodIssue): ImportProblem {
  const known = (key: ImportProblem["key"], values: Record<string, string> = {}): ImportProblem => ({ field, key, values });
  if (issue.code === "too_big" && field !== "row" && field !== "vacancy") return known(`${field}TooLong`, { max: String(issue.maximum) });
  if (issue.code === "too_small" && field === "name") return known("nameMissing");
  if (issue.code === "custom" && field === "email") return known("emailInvalid");
  if (issue.code === "invalid_format" && field === "phone") return known("phoneCharacters");
  return known("other", { message: issue.message });
}

function rawRow(cells: string[], columnOf: Partial<Record<ImportField, number>>): RawRow {
  const cell = (field: ImportField) => {
    const index = columnOf[field];
    return index === undefined ? "" : (cells[index] ?? "");
  };
  return { name: cell("name"), email: cell("email"), phone: cell("phone"), vacancy: cell("vacancy"), notes: cell("notes") };
}

/**
 * A row without an email, as `existingForRows` compares it with the vacancy's candidates in SQL: the name
 * trimmed, its runs of spaces made one and lower-cased; the phone's digits only.
 */
function namePhoneKey(name: string, phone: string | null | undefined): string {
  return `${name.trim().replace(/\s+/g, " ").toLowerCase()}\u0000${(phone ?? "").replace(/\D/g, "")}`;
}

/**
 * Checks each row; problems name the field they are about. `defaultVacancy` fills rows without a vacancy cell.
 * The same email for the same vacancy on two rows is a problem on the later one (the earlier row stands); so
 * are, on rows without an email, the same name and phone for the same vacancy: the key a file read again is
 * matched by (`existingForRows`), so the two rows would be one candidate next time and two now.
 */
export function validateRows(
  table: { headers: string[]; rows: { rowNumber: number; cells: string[] }[] },
  mapping: ImportMapping,
  vacancies: ImportVacancy[],
  defaultVacancy: ImportVacancy | null,
): ValidatedRow[] {
  const columnOf: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field] ? table.headers.indexOf(mapping[field]) : -1;
    if (index >= 0) columnOf[field] = index;
  }
  const resolveVacancy = vacancyResolver(vacancies);
  const firstRowOf = new Map<string, number>();
  return table.rows.map(({ rowNumber, cells }) => {
    const raw = rawRow(cells, columnOf);
    const problems: ImportProblem[] = [];
    const parsed = candidateFieldsSchema.safeParse({ name: raw.name, email: raw.email, phone: raw.phone, notes: raw.notes });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = IMPORT_FIELDS.find((candidate) => candidate === issue.path[0]) ?? "row";
        problems.push(fieldProblem(field, issue));
      }
    }
    let vacancy: ImportVacancy | null = defaultVacancy;
    if (raw.vacancy) {
      const resolved = resolveVacancy(raw.vacancy);
      vacancy = resolved.vacancy;
      if (resolved.problem) problems.push(resolved.problem);
    } else if (!defaultVacancy) {
      problems.push({ field: "vacancy", key: "noVacancy", values: {} });
    }
    const fields = parsed.success ? parsed.data : null;
    if (fields && vacancy) {
      const key = fields.email ? `email\u0000${fields.email}\u0000${vacancy.id}` : `person\u0000${namePhoneKey(fields.name, fields.phone)}\u0000${vacancy.id}`;
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, rowNumber);
      else if (fields.email) problems.push({ field: "email", key: "sameAsRow", values: { row: String(first) } });
      else problems.push({ field: "name", key: "sameNamePhoneAsRow", values: { row: String(first) } });
    }
    return { rowNumber, raw, fields: problems.length ? null : fields, vacancy: problems.length ? null : vacancy, problems };
  });
}

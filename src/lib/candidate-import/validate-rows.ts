// Every row of a candidate file checked as the candidate form checks its fields, plus what only a file has:
// a vacancy named by title or id, and the same candidacy twice in one file.
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
  return (cell: string): { vacancy: ImportVacancy | null; problem: string | null } => {
    const vacancy = byId.get(cell) ?? null;
    const titled = byTitle.get(titleKey(cell)) ?? [];
    if (!vacancy && titled.length > 1) return { vacancy: null, problem: `Two vacancies are called “${cell}”: use the vacancy's id instead.` };
    const found = vacancy ?? titled[0] ?? null;
    if (!found) return { vacancy: null, problem: `No vacancy “${cell}” in this organisation.` };
    if (found.status === "CLOSED" || found.status === "FILLED") {
      return { vacancy: null, problem: `The vacancy “${found.title}” is ${found.status === "CLOSED" ? "closed" : "filled"}: it takes no new candidates.` };
    }
    return { vacancy: found, problem: null };
  };
}

function rawRow(cells: string[], columnOf: Partial<Record<ImportField, number>>): RawRow {
  const cell = (field: ImportField) => {
    const index = columnOf[field];
    return index === undefined ? "" : (cells[index] ?? "");
  };
  return { name: cell("name"), email: cell("email"), phone: cell("phone"), vacancy: cell("vacancy"), notes: cell("notes") };
}

/**
 * Checks each row; problems name the field they are about. `defaultVacancy` fills rows without a vacancy cell.
 * The same email for the same vacancy on two rows is a problem on the later one (the earlier row stands).
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
        problems.push({ field, message: issue.message });
      }
    }
    let vacancy: ImportVacancy | null = defaultVacancy;
    if (raw.vacancy) {
      const resolved = resolveVacancy(raw.vacancy);
      vacancy = resolved.vacancy;
      if (resolved.problem) problems.push({ field: "vacancy", message: resolved.problem });
    } else if (!defaultVacancy) {
      problems.push({ field: "vacancy", message: "No vacancy: fill the vacancy column or choose a vacancy for rows without one." });
    }
    const fields = parsed.success ? parsed.data : null;
    if (fields?.email && vacancy) {
      const key = `${fields.email}\u0000${vacancy.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ field: "email", message: `Same email and vacancy as row ${first}.` });
      else firstRowOf.set(key, rowNumber);
    }
    return { rowNumber, raw, fields: problems.length ? null : fields, vacancy: problems.length ? null : vacancy, problems };
  });
}

// Which rows become new candidacies, which update an existing candidate and which are skipped, decided in
// memory from the checked rows and the organisation's candidates each row already is; the writes follow.
import type { ValidatedRow } from "@/lib/candidate-import/validate-rows";
import type { ConfirmCandidateImportInput, DuplicateChoice } from "@/lib/schemas/candidate-import";
import type { ExistingMatch } from "./read-candidate-file";

type NewCandidacy = {
  name: string;
  email: string | null;
  phone: string | null;
  notes: string;
  vacancyId: string;
  stageId: string | null;
  personId: string;
};

export type ImportPlan = {
  newPeople: string[];
  creates: NewCandidacy[];
  personUpdates: { personId: string; name: string; phone: string | null }[];
  notesUpdates: { candidateId: string; notes: string }[];
  updated: number;
  skipped: number;
};

/**
 * Rows already a candidate's (by email; a row without one by name and phone in its vacancy: existingForRows)
 * follow the chosen action: skip; update (the person's name and phone, the notes of their candidacy for this
 * vacancy, or a new candidacy of theirs when they have none for it); keep both (a new candidate beside the
 * existing one). Rows of the file with the same email share one new person, as the candidate form links
 * candidacies by email.
 */
export function planCandidateImport(
  rows: ValidatedRow[],
  existing: Map<number, ExistingMatch>,
  duplicates: ConfirmCandidateImportInput["duplicates"],
  newId: () => string,
): ImportPlan {
  const choiceOf = new Map<number, DuplicateChoice>(duplicates.rows.map((row) => [row.rowNumber, row.choice]));
  const plan: ImportPlan = { newPeople: [], creates: [], personUpdates: [], notesUpdates: [], updated: 0, skipped: 0 };
  const newPersonOf = new Map<string, string>();
  const personUpdateOf = new Map<string, ImportPlan["personUpdates"][number]>();
  const personFor = (key: string | null) => {
    const known = key ? newPersonOf.get(key) : undefined;
    if (known) return known;
    const id = newId();
    plan.newPeople.push(id);
    if (key) newPersonOf.set(key, id);
    return id;
  };
  for (const row of rows) {
    const { fields, vacancy } = row;
    if (!fields || !vacancy) continue; // checked rows with problems never reach the plan
    const candidacy = { name: fields.name, email: fields.email ?? null, phone: fields.phone ?? null, notes: fields.notes ?? "", vacancyId: vacancy.id, stageId: vacancy.firstStageId };
    const matches = existing.get(row.rowNumber)?.candidates ?? [];
    const choice = matches.length ? (choiceOf.get(row.rowNumber) ?? duplicates.all) : null;
    if (choice === "skip") {
      plan.skipped++;
      continue;
    }
    if (choice === "update") {
      const personId = matches[0]!.personId;
      const update = { personId, name: fields.name, phone: fields.phone ?? null };
      const earlier = personUpdateOf.get(personId);
      if (earlier) Object.assign(earlier, update); // two rows for one person: the later row's values stand
      else {
        plan.personUpdates.push(update);
        personUpdateOf.set(personId, update);
      }
      const sameVacancy = matches.find((match) => match.vacancyId === vacancy.id);
      if (sameVacancy) {
        if (candidacy.notes) plan.notesUpdates.push({ candidateId: sameVacancy.candidateId, notes: candidacy.notes });
        plan.updated++;
      } else {
        plan.creates.push({ ...candidacy, personId });
      }
      continue;
    }
    // A new candidate: no match, or "keep both" (a person of their own, so the existing one stays as it is).
    const key = fields.email ? `${choice ?? "new"}:${fields.email}` : null;
    plan.creates.push({ ...candidacy, personId: personFor(key) });
  }
  return plan;
}

// What preview and import both do first: read the uploaded file, load the organisation's vacancies and check
// every row against the mapping. The import reads the file again rather than trusting a preview it sent out.
import { readTable, TabularError, type Table } from "@/lib/tabular/read-table";
import { mappingProblems } from "@/lib/candidate-import/guess-mapping";
import { validateRows, type ImportVacancy, type ValidatedRow } from "@/lib/candidate-import/validate-rows";
import type { ImportMapping } from "@/lib/schemas/candidate-import";
import { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";

type Client = Prisma.TransactionClient;

/** The upload's table; a file the reader refuses is a BAD_REQUEST with the reader's problem (worded for the caller). */
export async function readCandidateFile(file: { name: string; base64: string }): Promise<Table> {
  const bytes = new Uint8Array(Buffer.from(file.base64, "base64"));
  try {
    return await readTable(bytes, file.name);
  } catch (error) {
    if (error instanceof TabularError) throw new AppError("BAD_REQUEST", error.problem, "file");
    throw error;
  }
}

/** The organisation's vacancies with their first stage; the default vacancy, when given, must be one of them. */
export async function importVacancies(client: Client, orgId: string, defaultVacancyId: string | undefined) {
  const rows = await client.vacancy.findMany({
    where: { orgId },
    select: { id: true, title: true, status: true, stages: { orderBy: { position: "asc" }, take: 1, select: { id: true } } },
  });
  const vacancies: ImportVacancy[] = rows.map((row) => ({ id: row.id, title: row.title, status: row.status, firstStageId: row.stages[0]?.id ?? null }));
  if (!defaultVacancyId) return { vacancies, defaultVacancy: null };
  const defaultVacancy = vacancies.find((vacancy) => vacancy.id === defaultVacancyId);
  if (!defaultVacancy) throw notFound("Vacancy");
  if (defaultVacancy.status === "CLOSED" || defaultVacancy.status === "FILLED") {
    throw new AppError("BAD_REQUEST", { key: "candidate.vacancyTakesNone", values: { vacancy: defaultVacancy.title } }, "defaultVacancyId");
  }
  return { vacancies, defaultVacancy };
}

export async function checkCandidateFile(
  client: Client,
  orgId: string,
  table: Table,
  mapping: ImportMapping,
  defaultVacancyId: string | undefined,
) {
  const { vacancies, defaultVacancy } = await importVacancies(client, orgId, defaultVacancyId);
  return { rows: validateRows(table, mapping, vacancies, defaultVacancy), mappingProblems: mappingProblems(mapping, table.headers) };
}

export type ExistingCandidate = { candidateId: string; personId: string; name: string; vacancyId: string; vacancyTitle: string };

/** How a row was found to be a candidate already: by its email, or (a row without one) by name and phone. */
export type ExistingMatch = { by: "email" | "namePhone"; candidates: ExistingCandidate[] };

/** The organisation's candidates (not anonymised) with any of these emails, oldest first, grouped by email. */
async function existingByEmail(client: Client, orgId: string, emails: string[]): Promise<Map<string, ExistingCandidate[]>> {
  const found = new Map<string, ExistingCandidate[]>();
  if (emails.length === 0) return found;
  const rows = await client.candidate.findMany({
    where: { orgId, anonymizedAt: null, email: { in: emails, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, personId: true, email: true, name: true, vacancyId: true, vacancy: { select: { title: true } } },
  });
  for (const row of rows) {
    const email = (row.email ?? "").toLowerCase();
    const entry = { candidateId: row.id, personId: row.personId, name: row.name, vacancyId: row.vacancyId, vacancyTitle: row.vacancy.title };
    found.set(email, [...(found.get(email) ?? []), entry]);
  }
  return found;
}

/**
 * For rows without an email: the candidates (not anonymised) of the row's vacancy with the same name (case and
 * spacing ignored) and the same phone (its digits; none matches none), oldest first, by row number. One
 * statement for any number of rows: the rows travel as arrays.
 */
async function existingByNamePhone(client: Client, orgId: string, rows: { rowNumber: number; vacancyId: string; name: string; phone: string | null }[]) {
  const found = new Map<number, ExistingCandidate[]>();
  if (rows.length === 0) return found;
  const matches = await client.$queryRaw<Array<{ rowNumber: number; id: string; personId: string; name: string; vacancyId: string; vacancyTitle: string }>>(Prisma.sql`
    WITH r AS (
      SELECT u.row_number,
             u.vacancy_id,
             lower(regexp_replace(btrim(u.name), '\\s+', ' ', 'g')) AS name_key,
             regexp_replace(coalesce(u.phone, ''), '\\D', '', 'g') AS phone_key
      FROM unnest(${rows.map((row) => row.rowNumber)}::int[], ${rows.map((row) => row.vacancyId)}::text[],
                  ${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.phone)}::text[]) AS u(row_number, vacancy_id, name, phone)
    )
    SELECT r.row_number AS "rowNumber", c."id", c."personId", c."name", c."vacancyId", v."title" AS "vacancyTitle"
    FROM r
    JOIN "Candidate" AS c ON c."vacancyId" = r.vacancy_id
      AND lower(regexp_replace(btrim(c."name"), '\\s+', ' ', 'g')) = r.name_key
      AND regexp_replace(coalesce(c."phone", ''), '\\D', '', 'g') = r.phone_key
    JOIN "Vacancy" AS v ON v."id" = c."vacancyId"
    WHERE c."orgId" = ${orgId} AND c."anonymizedAt" IS NULL
    ORDER BY c."createdAt", c."id"`);
  for (const match of matches) {
    const entry = { candidateId: match.id, personId: match.personId, name: match.name, vacancyId: match.vacancyId, vacancyTitle: match.vacancyTitle };
    found.set(match.rowNumber, [...(found.get(match.rowNumber) ?? []), entry]);
  }
  return found;
}

/**
 * The organisation's candidates each checked row already is, by row number (rows with a problem are left
 * out). A row with an email is matched by email across the organisation, as the candidate form links people.
 * A row without one is matched within its vacancy by name and phone: without that, a file read again (after
 * a reload mid-import, say) added every such row a second time, with nothing to tell. Matched rows get the
 * same duplicate choice (skip, update, keep both) as email duplicates; within a vacancy, two people of one
 * name and one phone (or none) are rare, and "keep both" is there for them.
 */
export async function existingForRows(client: Client, orgId: string, rows: ValidatedRow[]): Promise<Map<number, ExistingMatch>> {
  const checked = rows.flatMap((row) => (row.fields && row.vacancy ? [{ rowNumber: row.rowNumber, fields: row.fields, vacancyId: row.vacancy.id }] : []));
  const emails = [...new Set(checked.flatMap((row) => (row.fields.email ? [row.fields.email] : [])))];
  const withoutEmail = checked.filter((row) => !row.fields.email);
  // One after the other: a transaction's statements share one connection.
  const byEmail = await existingByEmail(client, orgId, emails);
  const byNamePhone = await existingByNamePhone(
    client,
    orgId,
    withoutEmail.map((row) => ({ rowNumber: row.rowNumber, vacancyId: row.vacancyId, name: row.fields.name, phone: row.fields.phone ?? null })),
  );
  const found = new Map<number, ExistingMatch>();
  for (const row of checked) {
    const candidates = row.fields.email ? byEmail.get(row.fields.email) : byNamePhone.get(row.rowNumber);
    if (candidates?.length) found.set(row.rowNumber, { by: row.fields.email ? "email" : "namePhone", candidates });
  }
  return found;
}

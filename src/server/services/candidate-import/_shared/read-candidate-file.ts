// What preview and import both do first: read the uploaded file, load the organisation's vacancies and check
// every row against the mapping. The import reads the file again rather than trusting a preview it sent out.
import { readTable, TabularError, type Table } from "@/lib/tabular/read-table";
import { mappingProblems } from "@/lib/candidate-import/guess-mapping";
import { validateRows, type ImportVacancy } from "@/lib/candidate-import/validate-rows";
import type { ImportMapping } from "@/lib/schemas/candidate-import";
import type { Prisma } from "@/generated/prisma/client";
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

export type ExistingCandidate = { candidateId: string; personId: string; email: string; name: string; vacancyId: string; vacancyTitle: string };

/** The organisation's candidates (not anonymised) with any of these emails, oldest first, grouped by email. */
export async function existingByEmail(client: Client, orgId: string, emails: string[]): Promise<Map<string, ExistingCandidate[]>> {
  const found = new Map<string, ExistingCandidate[]>();
  if (emails.length === 0) return found;
  const rows = await client.candidate.findMany({
    where: { orgId, anonymizedAt: null, email: { in: emails, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, personId: true, email: true, name: true, vacancyId: true, vacancy: { select: { title: true } } },
  });
  for (const row of rows) {
    const email = (row.email ?? "").toLowerCase();
    const entry = { candidateId: row.id, personId: row.personId, email, name: row.name, vacancyId: row.vacancyId, vacancyTitle: row.vacancy.title };
    found.set(email, [...(found.get(email) ?? []), entry]);
  }
  return found;
}

import { suggestMapping } from "@/lib/candidate-import/guess-mapping";
import { MAX_PREVIEW_ROWS, type CandidateImportPreview, type ImportRow, type PreviewCandidateImportInput } from "@/lib/schemas/candidate-import";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkCandidateFile, existingForRows, readCandidateFile } from "./_shared/read-candidate-file";

/** Ready rows listed after the problems and duplicates, so the person can check the mapping on real values. */
const SAMPLE_READY_ROWS = 5;

/**
 * The file read with the given mapping (or the remembered or guessed one): every row's problems, and the rows
 * already a candidate in the organisation (by email; a row without one by name and phone in its vacancy).
 * Nothing is written.
 */
export async function previewCandidateImport(db: Db, actor: Actor, input: PreviewCandidateImportInput): Promise<CandidateImportPreview> {
  requirePermission(actor, "candidates:write");
  const table = await readCandidateFile(input.file);
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { candidateImportMapping: true } });
  const suggested = input.mapping ? { mapping: input.mapping, remembered: false } : suggestMapping(org.candidateImportMapping, table.headers);
  return db.$transaction(async (tx) => {
    const { rows, mappingProblems } = await checkCandidateFile(tx, actor.orgId, table, suggested.mapping, input.defaultVacancyId);
    const existing = await existingForRows(tx, actor.orgId, rows);
    const shown: ImportRow[] = rows.map((row) => {
      const match = existing.get(row.rowNumber);
      return {
        rowNumber: row.rowNumber,
        name: row.raw.name,
        email: row.raw.email,
        phone: row.raw.phone,
        vacancy: row.vacancy?.title ?? row.raw.vacancy,
        problems: row.problems,
        existing: (match?.candidates ?? []).map(({ candidateId, name, vacancyTitle }) => ({ candidateId, name, vacancyTitle })),
        matchedBy: match?.by ?? null,
      };
    });
    const notable = shown.filter((row) => row.problems.length > 0 || row.existing.length > 0);
    const notableSet = new Set(notable);
    const ready = shown.filter((row) => !notableSet.has(row)).slice(0, SAMPLE_READY_ROWS);
    const listed = [...notable.slice(0, MAX_PREVIEW_ROWS), ...ready];
    const withProblems = rows.filter((row) => row.problems.length > 0).length;
    return {
      format: table.format,
      encoding: table.encoding,
      sheetName: table.sheetName,
      headers: table.headers,
      mapping: suggested.mapping,
      mappingRemembered: suggested.remembered,
      mappingProblems,
      counts: {
        rows: rows.length,
        ready: rows.length - withProblems,
        withProblems,
        duplicates: shown.filter((row) => row.existing.length > 0 && row.problems.length === 0).length,
      },
      rows: listed.sort((a, b) => a.rowNumber - b.rowNumber),
      rowsNotListed: rows.length - listed.length,
    };
  });
}

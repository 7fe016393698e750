import { randomUUID } from "node:crypto";
import type { CandidateImportResult, ConfirmCandidateImportInput } from "@/lib/schemas/candidate-import";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { OnceInTransaction } from "@/server/services/_shared/create-once";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { importLockKey } from "@/server/services/candidates/_shared/candidacy";
import { mappingRefusal, rowRefusal } from "./_shared/import-refusals";
import { planCandidateImport, type ImportPlan } from "./_shared/plan-candidate-import";
import { checkCandidateFile, existingForRows, readCandidateFile } from "./_shared/read-candidate-file";

type Tx = Prisma.TransactionClient;

// The inserts are INSERT … SELECT FROM unnest(arrays): one statement and a handful of parameters for any number
// of rows. Prisma's createMany took 20 s for 10,000 candidates here (it binds every value separately, in chunks).

async function insertPeople(tx: Tx, orgId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.$executeRaw(Prisma.sql`INSERT INTO "Person" ("id", "orgId") SELECT id, ${orgId} FROM unnest(${ids}::text[]) AS id`);
}

async function insertCandidacies(tx: Tx, orgId: string, creates: ImportPlan["creates"]) {
  if (creates.length === 0) return;
  const column = <K extends keyof ImportPlan["creates"][number]>(key: K) => creates.map((create) => create[key]);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "Candidate" ("id", "orgId", "name", "email", "phone", "notes", "vacancyId", "stageId", "personId", "updatedAt")
    SELECT gen_random_uuid()::text, ${orgId}, u.name, u.email, u.phone, u.notes, u.vacancy_id, u.stage_id, u.person_id, now()
    FROM unnest(${column("name")}::text[], ${column("email")}::text[], ${column("phone")}::text[], ${column("notes")}::text[],
                ${column("vacancyId")}::text[], ${column("stageId")}::text[], ${column("personId")}::text[])
      AS u(name, email, phone, notes, vacancy_id, stage_id, person_id)`);
}

/**
 * Imports the file's rows in one transaction: rows the person skipped, and duplicates they chose to skip, are
 * left out; a row still with a problem refuses the whole import. New candidacies go in with one INSERT per
 * table (people, then candidates), updates with one UPDATE each; the mapping is remembered for the
 * organisation and one audit event records the counts (never the file's personal data). `once` claims the
 * submission's key in this transaction (createOnceInTransaction): the import may wait for another one's lock
 * and run up to a minute, longer than a key's own transaction lasts, and its key must commit with it.
 */
export async function confirmCandidateImport(
  db: Db,
  actor: Actor,
  input: ConfirmCandidateImportInput,
  once: OnceInTransaction<CandidateImportResult> = (_tx, work) => work(),
): Promise<CandidateImportResult> {
  requirePermission(actor, "candidates:write");
  const table = await readCandidateFile(input.file);
  const skipRows = new Set(input.skipRows);
  return db.$transaction(
    // The key first: a repeat of this submission waits on it and gets this import's answer, not the lock's turn.
    (tx) =>
      once(tx, async () => {
        // Alone in the organisation: single new candidacies (which share this lock) and other imports wait, so
        // the candidates the rows are checked against below stay as they are until the import commits.
        await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${importLockKey(actor.orgId)}, 0))`);
        const { rows, mappingProblems } = await checkCandidateFile(tx, actor.orgId, table, input.mapping, input.defaultVacancyId);
        if (mappingProblems[0]) throw mappingRefusal(mappingProblems[0]);
        const included = rows.filter((row) => !skipRows.has(row.rowNumber));
        const blocked = included.find((row) => row.problems.length > 0);
        if (blocked) throw rowRefusal(blocked.rowNumber, blocked.problems[0]!);
        if (included.length === 0) throw new AppError("BAD_REQUEST", { key: "candidate.everyRowSkipped" });

        const existing = await existingForRows(tx, actor.orgId, included);
        const plan = planCandidateImport(included, existing, input.duplicates, () => randomUUID());

        await insertPeople(tx, actor.orgId, plan.newPeople);
        await insertCandidacies(tx, actor.orgId, plan.creates);
        if (plan.personUpdates.length) {
          // Name and phone belong to the person: every candidacy of theirs changes, as the candidate form does.
          await tx.$executeRaw(Prisma.sql`
            UPDATE "Candidate" AS c SET "name" = u.name, "phone" = COALESCE(u.phone, c."phone"), "updatedAt" = now()
            FROM unnest(${plan.personUpdates.map((u) => u.personId)}::text[], ${plan.personUpdates.map((u) => u.name)}::text[],
                        ${plan.personUpdates.map((u) => u.phone)}::text[]) AS u(person_id, name, phone)
            WHERE c."personId" = u.person_id AND c."orgId" = ${actor.orgId} AND c."anonymizedAt" IS NULL`);
        }
        if (plan.notesUpdates.length) {
          await tx.$executeRaw(Prisma.sql`
            UPDATE "Candidate" AS c SET "notes" = u.notes, "updatedAt" = now()
            FROM unnest(${plan.notesUpdates.map((u) => u.candidateId)}::text[], ${plan.notesUpdates.map((u) => u.notes)}::text[]) AS u(id, notes)
            WHERE c."id" = u.id AND c."orgId" = ${actor.orgId}`);
        }
        await tx.organization.update({ where: { id: actor.orgId }, data: { candidateImportMapping: input.mapping } });
        const result = { created: plan.creates.length, updated: plan.updated, skipped: rows.length - included.length + plan.skipped };
        await recordActorEvent(tx, actor, "candidate.imported", ["Organization", actor.orgId], {
          ...result,
          rows: rows.length,
          format: table.format,
        });
        return result;
      }),
    // A 10,000-row file takes a few seconds on a slow machine; the default 5 s would cut it off.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

// What creating a candidacy checks and takes: a vacancy of the organisation that takes candidates, its first
// stage, and the person the candidacy belongs to (one per email in the organisation).
import { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** The lock a candidate import holds alone for its organisation; every single new candidacy shares it. */
export const importLockKey = (orgId: string) => `candidacy-import:${orgId}`;

/**
 * The vacancy a new candidacy is for, with its first stage; another organisation's vacancy is not found. Every
 * new candidacy comes through here, so it first waits for a running import of the organisation (one lock for
 * the import, where a lock per email would exhaust Postgres's lock table on a large file).
 */
export async function vacancyTakingCandidates(tx: Tx, orgId: string, vacancyId: string) {
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${importLockKey(orgId)}, 0))`);
  const vacancy = await tx.vacancy.findFirst({
    where: { id: vacancyId, orgId },
    select: {
      id: true,
      title: true,
      status: true,
      stages: { orderBy: { position: "asc" }, take: 1, select: { id: true } },
    },
  });
  if (!vacancy) throw notFound("Vacancy");
  if (vacancy.status === "CLOSED" || vacancy.status === "FILLED") {
    const key = vacancy.status === "CLOSED" ? "candidate.vacancyClosed" : "candidate.vacancyFilled";
    throw new AppError("BAD_REQUEST", { key, values: { vacancy: vacancy.title } }, "vacancyId");
  }
  return { id: vacancy.id, title: vacancy.title, firstStageId: vacancy.stages[0]?.id ?? null };
}

/**
 * Holds, until the transaction ends, the right to add candidacies for one key (a person, or an email not
 * yet anyone's), so two submissions at once can't make the same person twice or the same candidacy twice.
 */
export async function lockCandidacies(tx: Tx, orgId: string, key: string) {
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`candidacy:${orgId}:${key}`}, 0))`);
}

/** The organisation's person with this email (case-insensitive), or a new person; without email a new one. */
export async function personFor(tx: Tx, orgId: string, email: string | null | undefined) {
  if (email) {
    await lockCandidacies(tx, orgId, `email:${email.toLowerCase()}`);
    const same = await tx.candidate.findFirst({
      where: { orgId, email: { equals: email, mode: "insensitive" }, anonymizedAt: null },
      orderBy: { createdAt: "asc" },
      select: { personId: true },
    });
    if (same) return same.personId;
  }
  const person = await tx.person.create({ data: { orgId }, select: { id: true } });
  return person.id;
}

/** Refuses a second candidacy of the same person for the same vacancy. */
export async function assertNoCandidacy(tx: Tx, personId: string, vacancy: { id: string; title: string }) {
  await lockCandidacies(tx, "", `person:${personId}`);
  const existing = await tx.candidate.findFirst({
    where: { personId, vacancyId: vacancy.id },
    select: { name: true },
  });
  if (existing) {
    throw new AppError("CONFLICT", { key: "candidate.alreadyApplied", values: { name: existing.name, vacancy: vacancy.title } }, "vacancyId");
  }
}

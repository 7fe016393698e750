import type { ApplyToVacancyInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertNoCandidacy, vacancyTakingCandidates } from "./_shared/candidacy";

/**
 * Another candidacy of the candidate's person, for another vacancy, at its first stage: same name, email and
 * phone, its own notes and status. A second candidacy for the same vacancy is refused.
 */
export async function applyToVacancy(db: Db, actor: Actor, input: ApplyToVacancyInput) {
  requirePermission(actor, "candidates:write");
  return db.$transaction(async (tx) => {
    const source = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: { id: true, name: true, email: true, phone: true, personId: true, anonymizedAt: true },
    });
    if (!source) throw notFound("Candidate");
    if (source.anonymizedAt) {
      throw new AppError("CONFLICT", { key: "candidate.erasedCantApply" }, "candidateId");
    }
    const vacancy = await vacancyTakingCandidates(tx, actor.orgId, input.vacancyId);
    await assertNoCandidacy(tx, source.personId, vacancy);
    const candidate = await tx.candidate.create({
      data: {
        orgId: actor.orgId,
        personId: source.personId,
        name: source.name,
        email: source.email,
        phone: source.phone,
        vacancyId: vacancy.id,
        stageId: vacancy.firstStageId,
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "candidate.created", ["Candidate", candidate.id], {
      vacancyId: vacancy.id,
      stageId: vacancy.firstStageId,
      fromCandidateId: source.id,
    });
    return { id: candidate.id };
  });
}

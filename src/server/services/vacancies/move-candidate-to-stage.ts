import type { MoveCandidateInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { vacancyToChange } from "./_shared/vacancy-access";

const CHANGED_MEANWHILE = "This candidate was changed by someone else just now. Reload the board and try again.";

/**
 * Moves a candidate to another stage of their vacancy's plan (its managers or an admin). A candidate on
 * the reserve list or rejected comes back into the process (active again); a withdrawn, appointed or
 * erased one can't be moved. Moving to the stage they are at already changes nothing (a second click).
 * Recorded in the audit log.
 */
export async function moveCandidateToStage(db: Db, actor: Actor, input: MoveCandidateInput) {
  requirePermission(actor, "vacancies:write");
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: { id: true, name: true, status: true, stageId: true, vacancyId: true, anonymizedAt: true },
    });
    if (!candidate) throw notFound("Candidate");
    await vacancyToChange(tx, actor, candidate.vacancyId);
    // A plan being saved holds the vacancy's row until it commits; sharing that lock orders this move
    // against it, so a stage can't be removed between finding it here and placing the candidate there.
    await tx.$queryRaw`SELECT 1 FROM "Vacancy" WHERE "id" = ${candidate.vacancyId} FOR SHARE`;
    const stage = await tx.vacancyStage.findFirst({ where: { id: input.stageId, vacancyId: candidate.vacancyId }, select: { id: true, name: true } });
    if (!stage) throw new AppError("BAD_REQUEST", { key: "vacancy.stageNotInPlan" }, "stageId");
    if (candidate.anonymizedAt) {
      throw new AppError("CONFLICT", { key: "vacancy.erasedCantMove" });
    }
    if (candidate.status === "WITHDRAWN") {
      throw new AppError("CONFLICT", { key: "vacancy.withdrawnCantMove", values: { name: candidate.name } });
    }
    if (candidate.status === "HIRED") {
      throw new AppError("CONFLICT", { key: "vacancy.appointedCantMove", values: { name: candidate.name } });
    }
    if (candidate.stageId === stage.id && candidate.status === "ACTIVE") {
      return { candidateId: candidate.id, stageId: stage.id, status: candidate.status, moved: false };
    }
    const reactivated = candidate.status !== "ACTIVE";
    // Compare-and-set on what was read: a withdrawal or erasure committed meanwhile is not overwritten.
    const { count } = await tx.candidate.updateMany({
      where: { id: candidate.id, status: candidate.status, stageId: candidate.stageId, anonymizedAt: null },
      data: { stageId: stage.id, ...(reactivated ? { status: "ACTIVE", decidedAt: null } : {}) },
    });
    if (count === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await recordActorEvent(tx, actor, "candidate.stage_moved", ["Candidate", candidate.id], {
      vacancyId: candidate.vacancyId,
      fromStageId: candidate.stageId,
      toStageId: stage.id,
      ...(reactivated ? { fromStatus: candidate.status, toStatus: "ACTIVE" } : {}),
    });
    return { candidateId: candidate.id, stageId: stage.id, status: "ACTIVE" as const, moved: true };
  });
}

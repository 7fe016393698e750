import type { MoveCandidateInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { lockForUpdate, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { vacancyToChange } from "./_shared/vacancy-access";

/**
 * Moves a candidate to another stage of their vacancy's plan (its managers or an admin). A candidate put on
 * the reserve list or rejected by hand comes back into the process (active again); one a debrief decided so at
 * their stage does not (that would undo a recorded decision without a record: the debrief's correction of the
 * outcome, with its reason, is the way back); a withdrawn, appointed or erased one can't be moved. Moving to
 * the stage they are at already changes nothing (a second click). With `shown` (the board's card), a candidate
 * moved or decided since the board was loaded is not moved (CONFLICT). Recorded in the audit log.
 */
export async function moveCandidateToStage(db: Db, actor: Actor, input: MoveCandidateInput) {
  requirePermission(actor, "vacancies:write");
  return db.$transaction(async (tx) => {
    const found = await tx.candidate.findFirst({ where: { id: input.candidateId, orgId: actor.orgId }, select: { id: true, vacancyId: true } });
    if (!found) throw notFound("Candidate");
    await vacancyToChange(tx, actor, found.vacancyId);
    // A plan being saved holds the vacancy's row until it commits; sharing that lock orders this move
    // against it, so a stage can't be removed between finding it here and placing the candidate there.
    await tx.$queryRaw`SELECT 1 FROM "Vacancy" WHERE "id" = ${found.vacancyId} FOR SHARE`;
    // Then the candidate's row: a decision, withdrawal or another move committed meanwhile is read here, not overwritten.
    await lockForUpdate(tx, "Candidate", { id: found.id, orgId: actor.orgId });
    const candidate = await tx.candidate.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, name: true, status: true, stageId: true, vacancyId: true, anonymizedAt: true },
    });
    if (candidate.vacancyId !== found.vacancyId) throw new AppError("CONFLICT", { key: "vacancy.movedElsewhere", values: { name: candidate.name } });
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
    const stored: NonNullable<MoveCandidateInput["shown"]> = { stageId: candidate.stageId, status: candidate.status };
    refuseIfShownChanged(input.shown, stored, { key: "vacancy.movedElsewhere", values: { name: candidate.name } });
    const reactivated = candidate.status !== "ACTIVE";
    if (reactivated && candidate.stageId) {
      const decision = await tx.decision.findFirst({
        where: { candidateId: candidate.id, stageId: candidate.stageId },
        select: { outcome: true, stage: { select: { name: true } } },
      });
      if (decision) {
        throw new AppError("CONFLICT", { key: "vacancy.decidedCantMove", values: { name: candidate.name, outcome: decision.outcome, stage: decision.stage.name } });
      }
    }
    await tx.candidate.update({
      where: { id: candidate.id },
      data: { stageId: stage.id, ...(reactivated ? { status: "ACTIVE", decidedAt: null } : {}) },
    });
    await recordActorEvent(tx, actor, "candidate.stage_moved", ["Candidate", candidate.id], {
      vacancyId: candidate.vacancyId,
      fromStageId: candidate.stageId,
      toStageId: stage.id,
      ...(reactivated ? { fromStatus: candidate.status, toStatus: "ACTIVE" } : {}),
    });
    return { candidateId: candidate.id, stageId: stage.id, status: "ACTIVE" as const, moved: true };
  });
}

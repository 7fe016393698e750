import type { Prisma } from "@/generated/prisma/client";
import { changesFigure } from "@/lib/debriefs/mechanical";
import type { CorrectDebriefInput, DebriefChange } from "@/lib/schemas/debriefs";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { debriefStageId, loadDebrief, lockStage, requireChair, type DebriefContext } from "./_shared/debrief-context";
import { candidateRefusal, DEBRIEF_STILL_OPEN, NOT_QUEUED } from "./_shared/messages";
import { touchDebrief } from "./_shared/notify-debrief";
import { checkStrandDeparture } from "@/server/services/strands/_shared/strand-departure";
import { applyOutcome, checkNextStage, checkOverride, checkRationale, decidedAtStage, rankingWithheldText } from "./_shared/outcome";
import { loadStageRatings, queuedUnit } from "./_shared/queue-data";
import { loadStagePanel } from "./_shared/stage-panel";
import { competencyMeansAt, loadPlan, rankingAt, withheldFromRanking } from "./_shared/stage-scores";

type Tx = Prisma.TransactionClient;
type Snapshot = Prisma.InputJsonObject;
type Corrected = { before: Snapshot; after: Snapshot };

/**
 * A correction to a closed debrief: a new, reasoned record with before and after (as scorecard amendments
 * are), changing one entry, the rationale or the outcome. The debrief stays closed. The outcome can't be
 * reopened once the candidate is hired, has withdrawn, or has been debriefed at a later stage.
 */
export async function correctDebrief(db: Db, actor: Actor, input: CorrectDebriefInput): Promise<{ correctionId: string }> {
  return db.$transaction(async (tx) => {
    await lockStage(tx, await debriefStageId(tx, actor, input.debriefId));
    const debrief = await loadDebrief(tx, actor, input.debriefId, { lock: true });
    requireChair(debrief);
    if (debrief.status !== "CLOSED") throw new AppError("CONFLICT", DEBRIEF_STILL_OPEN);
    if (debrief.erased) throw new AppError("CONFLICT", { key: "debrief.erasedCantCorrect" });

    const corrected = await applyChange(tx, actor, debrief, input.change, input.reason);
    const correction = await tx.debriefCorrection.create({
      data: { debriefId: debrief.id, actorId: actor.userId, reason: input.reason, before: corrected.before, after: corrected.after },
      select: { id: true },
    });
    // What kind of change, never its words (the reason and rationale may describe the candidate).
    await recordActorEvent(tx, actor, "debrief.corrected", ["Debrief", debrief.id], { correctionId: correction.id, changed: input.change.kind });
    await touchDebrief(tx, debrief.id);
    return { correctionId: correction.id };
  });
}

async function applyChange(tx: Tx, actor: Actor, debrief: DebriefContext, change: DebriefChange, reason: string): Promise<Corrected> {
  switch (change.kind) {
    case "entry":
      return correctEntry(tx, actor, debrief, change, reason);
    case "rationale":
      return correctRationale(tx, actor, debrief, change.rationale, change.shown);
    case "outcome":
      return correctOutcome(tx, actor, debrief, change);
  }
}

async function correctEntry(
  tx: Tx,
  actor: Actor,
  debrief: DebriefContext,
  change: Extract<DebriefChange, { kind: "entry" }>,
  reason: string,
): Promise<Corrected> {
  const stage = await loadStagePanel(tx, actor.orgId, debrief.candidateId, debrief.stageId);
  const { queue } = await loadStageRatings(tx, actor, debrief, stage.scriptVersionIds);
  const unit = queuedUnit(queue, change.itemId, change.competencyId);
  if (!unit) throw new AppError("BAD_REQUEST", NOT_QUEUED, "change.itemId");
  const where = { debriefId_itemId_competencyId: { debriefId: debrief.id, itemId: unit.itemId, competencyId: unit.competencyId } };
  const existing = await tx.debriefEntry.findUnique({ where, select: { kind: true, rating: true, valueAfter: true } });
  const valueAfter = change.entryKind === "CONSENSUS" && change.rating !== null ? change.rating : unit.mean;
  const rating = change.entryKind === "CONSENSUS" ? change.rating : null;
  if (existing && existing.kind === change.entryKind && existing.rating === rating) {
    throw new AppError("BAD_REQUEST", { key: "debrief.entryUnchanged" }, "change.entryKind");
  }
  const data = { kind: change.entryKind, rating, meanBefore: unit.mean, valueAfter, reason, recordedById: actor.userId, recordedAt: new Date() };
  await tx.debriefEntry.upsert({ where, create: { debriefId: debrief.id, itemId: unit.itemId, competencyId: unit.competencyId, ...data }, update: data });
  const cell = { itemId: unit.itemId, competencyId: unit.competencyId };
  return {
    before: { entry: existing ? { ...cell, kind: existing.kind, rating: existing.rating, valueAfter: existing.valueAfter } : { ...cell, kind: null } },
    after: { entry: { ...cell, kind: change.entryKind, rating, valueAfter, changesFigure: changesFigure(unit.mean, valueAfter) } },
  };
}

/** `shown`: the rationale the chair's form was drawn from; one corrected elsewhere since is not overwritten (CONFLICT). */
async function correctRationale(tx: Tx, actor: Actor, debrief: DebriefContext, rationale: string, shown: string | undefined): Promise<Corrected> {
  const decision = await tx.decision.findUniqueOrThrow({ where: { debriefId: debrief.id }, select: { id: true, rationale: true } });
  refuseIfShownChanged(shown === undefined ? undefined : { rationale: shown }, { rationale: decision.rationale }, { key: "debrief.rationaleChangedElsewhere" });
  if (decision.rationale === rationale) throw new AppError("BAD_REQUEST", { key: "debrief.rationaleUnchanged" }, "change.rationale");
  const competencies = await competencyMeansAt(tx, actor.orgId, debrief.candidateId, debrief.stageId);
  checkRationale(rationale, competencies.filter((c) => c.weight > 0).map((c) => c.name), "change.rationale");
  await tx.decision.update({ where: { id: decision.id }, data: { rationale } });
  return { before: { rationale: decision.rationale }, after: { rationale } };
}

async function correctOutcome(tx: Tx, actor: Actor, debrief: DebriefContext, change: Extract<DebriefChange, { kind: "outcome" }>): Promise<Corrected> {
  const name = debrief.candidateName;
  const decision = await tx.decision.findUniqueOrThrow({
    where: { debriefId: debrief.id },
    select: { id: true, outcome: true, nextStageId: true, isOverride: true, overrideJustification: true, strandDepartureReason: true, decidedAt: true },
  });
  if (debrief.candidateStatus === "HIRED") {
    throw new AppError(
      "CONFLICT",
      { key: "debrief.hiredCantReopen", values: { name } },
    );
  }
  const refusal = candidateRefusal({ name, status: debrief.candidateStatus, erased: debrief.erased }, "changing the outcome");
  if (refusal) throw refusal;
  const later = await tx.debrief.findFirst({
    where: { candidateId: debrief.candidateId, stage: { vacancyId: debrief.vacancyId, position: { gt: debrief.stagePosition } } },
    select: { stage: { select: { name: true } } },
  });
  if (later) {
    throw new AppError("CONFLICT", { key: "debrief.debriefedLater", values: { name, stage: later.stage.name } });
  }
  const stillHere = debrief.currentStageId === debrief.stageId || (decision.outcome === "ADVANCE" && debrief.currentStageId === decision.nextStageId);
  if (!stillHere) throw new AppError("CONFLICT", { key: "debrief.movedOn", values: { name } });
  if (change.outcome === decision.outcome && (change.nextStageId ?? null) === decision.nextStageId) {
    throw new AppError("BAD_REQUEST", { key: "debrief.outcomeUnchanged", values: { name, outcome: decision.outcome } }, "change.outcome");
  }

  const plan = await loadPlan(tx, debrief.vacancyId);
  // Checked against the whole ranking, as the decision was: refused while any of it is withheld from the chair.
  const [{ ranking }, withheld] = await Promise.all([rankingAt(tx, actor.orgId, debrief.vacancyId, plan, debrief.stageId), withheldFromRanking(tx, actor, plan, debrief.stageId)]);
  const withheldText = await rankingWithheldText(tx, ranking, withheld);
  if (withheldText) throw new AppError("CONFLICT", withheldText);
  const next = checkNextStage(plan, { id: debrief.stageId, position: debrief.stagePosition }, change.outcome, change.nextStageId);
  const decided = await decidedAtStage(tx, debrief.stageId, debrief.candidateId, ranking);
  const override = checkOverride({ id: debrief.candidateId, name }, change.outcome, change.overrideJustification, ranking, decided);
  // The strand departure rule as at the decision (issue 23): the corrected outcome may now depart from the
  // service users' preferred candidate, or no longer, and its reason follows.
  const departure = { orgId: actor.orgId, stageId: debrief.stageId, candidateId: debrief.candidateId, outcome: change.outcome, reason: change.strandDepartureReason };
  const strandDepartureReason = await checkStrandDeparture(tx, departure, "change.strandDepartureReason");
  const after = {
    outcome: change.outcome,
    nextStageId: next?.id ?? null,
    isOverride: override.isOverride,
    overrideJustification: override.isOverride ? change.overrideJustification : null,
    strandDepartureReason,
  };
  await tx.decision.update({ where: { id: decision.id }, data: after });
  await applyOutcome(tx, debrief.candidateId, { outcome: change.outcome, stageId: debrief.stageId, nextStageId: next?.id ?? null }, new Date());
  type Outcome = { outcome: string; nextStageId: string | null; isOverride: boolean; overrideJustification: string | null; strandDepartureReason: string | null };
  const snapshot = (d: Outcome) => ({
    outcome: d.outcome,
    nextStageId: d.nextStageId,
    isOverride: d.isOverride,
    overrideJustification: d.overrideJustification,
    strandDepartureReason: d.strandDepartureReason,
  });
  return { before: { outcome: snapshot(decision) }, after: { outcome: snapshot(after) } };
}

import { changesFigure } from "@/lib/debriefs/mechanical";
import type { RecordDebriefEntryInput } from "@/lib/schemas/debriefs";
import type { Db } from "@/server/db";
import { AppError, type ErrorValue } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadDebrief, requireChair } from "./_shared/debrief-context";
import { candidateRefusal, closedDebrief, NOT_QUEUED } from "./_shared/messages";
import { touchDebrief } from "./_shared/notify-debrief";
import { loadStageRatings, queuedUnit } from "./_shared/queue-data";
import { assertNoVersionProblem, loadStagePanel, scriptVersionProblem } from "./_shared/stage-panel";

/** The panel's mean as the debrief shows it: whole, or two decimals in the reader's language (2.67, 2,67). */
const figure = (value: number): ErrorValue => (Number.isInteger(value) ? String(value) : { key: "debrief.twoDecimals", values: { value } });

/**
 * The chair's record for one queued disagreement: the panel's consensus rating, or "keep the mean"; a reason
 * is required when it changes the figure. Recording an item again replaces its entry while the debrief is
 * open. The scorecards are never touched: the entry sits beside them (mean before, figure after). With
 * `shown` (the entry the form showed, or null for none), an entry another chair recorded or changed since is
 * not replaced (CONFLICT); the debrief's row is locked first, so two chairs' entries never interleave.
 */
export async function recordDebriefEntry(db: Db, actor: Actor, input: RecordDebriefEntryInput): Promise<{ version: number; valueAfter: number }> {
  return db.$transaction(async (tx) => {
    const debrief = await loadDebrief(tx, actor, input.debriefId, { lock: true });
    requireChair(debrief);
    if (debrief.status !== "OPEN") throw closedDebrief();
    const refusal = candidateRefusal({ name: debrief.candidateName, status: debrief.candidateStatus, erased: debrief.erased }, "recording the debrief");
    if (refusal) throw refusal;
    const stage = await loadStagePanel(tx, actor.orgId, debrief.candidateId, debrief.stageId);
    assertNoVersionProblem(await scriptVersionProblem(tx, { name: debrief.stageName, scriptVersionId: debrief.scriptVersionId }, debrief.candidateName, stage.scriptVersionIds));
    const { queue } = await loadStageRatings(tx, actor, debrief, stage.scriptVersionIds);
    const unit = queuedUnit(queue, input.itemId, input.competencyId);
    if (!unit) throw new AppError("BAD_REQUEST", NOT_QUEUED, "itemId");

    // The entry as the chair's form showed it (none, or another's): one recorded or changed since is not replaced.
    const where = { debriefId_itemId_competencyId: { debriefId: debrief.id, itemId: unit.itemId, competencyId: unit.competencyId } };
    if (input.shown !== undefined) {
      const stored = await tx.debriefEntry.findUnique({ where, select: { kind: true, rating: true, reason: true } });
      const now = stored && { kind: stored.kind, rating: stored.rating, reason: stored.reason };
      refuseIfShownChanged({ entry: input.shown }, { entry: now }, { key: "debrief.entryChangedElsewhere" });
    }

    const meanBefore = unit.mean;
    const valueAfter = input.kind === "CONSENSUS" && input.rating !== null ? input.rating : meanBefore;
    const changes = changesFigure(meanBefore, valueAfter);
    if (changes && input.reason === "") {
      throw new AppError(
        "BAD_REQUEST",
        { key: "debrief.consensusNeedsReason", values: { after: String(valueAfter), mean: figure(meanBefore) } },
        "reason",
      );
    }
    const data = {
      kind: input.kind,
      rating: input.kind === "CONSENSUS" ? input.rating : null,
      meanBefore,
      valueAfter,
      reason: input.reason,
      recordedById: actor.userId,
      recordedAt: new Date(),
    };
    const entry = await tx.debriefEntry.upsert({
      where,
      create: { debriefId: debrief.id, itemId: unit.itemId, competencyId: unit.competencyId, ...data },
      update: data,
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "debrief.entry_recorded", ["Debrief", debrief.id], {
      entryId: entry.id,
      itemId: unit.itemId,
      competencyId: unit.competencyId,
      kind: input.kind,
      changesFigure: changes,
    });
    const version = await touchDebrief(tx, debrief.id);
    return { version, valueAfter };
  });
}

import { randomUUID } from "node:crypto";
import type { OpenDebriefInput, OpenDebriefResult } from "@/lib/schemas/debriefs";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadCandidateAtStage, requireChair } from "./_shared/debrief-context";
import { candidateRefusal } from "./_shared/messages";
import { notifyDebrief } from "./_shared/notify-debrief";
import { assertNoVersionProblem, loadStagePanel, scriptVersionProblem } from "./_shared/stage-panel";

/**
 * Opens the debrief of a candidate at a stage (the chair: the vacancy's hiring managers, or an admin). Once
 * every panelist of the candidate's interviews at the stage has submitted it simply opens; before that it
 * needs a reason, and says who is missing. Opening twice (a double click, two chairs) answers with the same
 * debrief: one per candidate and stage.
 */
export async function openDebrief(db: Db, actor: Actor, input: OpenDebriefInput): Promise<OpenDebriefResult> {
  return db.$transaction(async (tx) => {
    const target = await loadCandidateAtStage(tx, actor, input.candidateId, input.stageId);
    requireChair(target);
    const stage = await loadStagePanel(tx, actor.orgId, target.candidateId, target.stageId);
    const existing = await tx.debrief.findUnique({ where: { candidateId_stageId: { candidateId: target.candidateId, stageId: target.stageId } }, select: { id: true } });
    if (existing) return { id: existing.id, created: false, missing: stage.missing };

    const name = target.candidateName;
    const refusal = candidateRefusal({ name, status: target.candidateStatus, erased: target.erased }, "a debrief");
    if (refusal) throw refusal;
    if (stage.interviewIds.length === 0) {
      throw new AppError("CONFLICT", { key: "debrief.noInterviewAtStage", values: { name, stage: target.stageName } });
    }
    assertNoVersionProblem(await scriptVersionProblem(tx, { name: target.stageName, scriptVersionId: target.scriptVersionId }, name, stage.scriptVersionIds));
    const reason = input.reason ?? "";
    if (stage.missing.length > 0 && reason === "") {
      const who = stage.missing.map((m) => m.name);
      throw new AppError("BAD_REQUEST", { key: "debrief.notEveryoneSubmitted", values: { count: stage.missing.length, who } }, "reason");
    }

    // ON CONFLICT: a second chair opening at the same moment waits for the first and then finds its debrief.
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Debrief" ("id", "orgId", "candidateId", "stageId", "chairId", "openedEarlyReason")
      VALUES (${`dbf_${randomUUID().replaceAll("-", "")}`}, ${actor.orgId}, ${target.candidateId}, ${target.stageId}, ${actor.userId},
        ${stage.missing.length > 0 ? reason : null})
      ON CONFLICT ("candidateId", "stageId") DO NOTHING
      RETURNING "id"`;
    const created = inserted[0];
    if (!created) {
      const other = await tx.debrief.findUniqueOrThrow({ where: { candidateId_stageId: { candidateId: target.candidateId, stageId: target.stageId } }, select: { id: true } });
      return { id: other.id, created: false, missing: stage.missing };
    }
    await recordActorEvent(tx, actor, "debrief.opened", ["Debrief", created.id], {
      candidateId: target.candidateId,
      stageId: target.stageId,
      openedEarly: stage.missing.length > 0,
      missing: stage.missing.length,
    });
    await notifyDebrief(tx, created.id);
    return { id: created.id, created: true, missing: stage.missing };
  });
}

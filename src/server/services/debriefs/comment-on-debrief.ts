import type { CommentOnDebriefInput } from "@/lib/schemas/debriefs";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadDebrief } from "./_shared/debrief-context";
import { closedDebrief, COMMENTERS_ONLY, NOT_QUEUED } from "./_shared/messages";
import { touchDebrief } from "./_shared/notify-debrief";
import { loadStageRatings, queuedUnit } from "./_shared/queue-data";
import { loadStagePanel } from "./_shared/stage-panel";

/**
 * A comment on a queued disagreement, by a member of the stage's panel who may see the debrief (so has
 * submitted their own scorecard) or by the chair. Only while the debrief is open; the chair records.
 */
export async function commentOnDebrief(db: Db, actor: Actor, input: CommentOnDebriefInput): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const debrief = await loadDebrief(tx, actor, input.debriefId, { lock: true });
    const stage = await loadStagePanel(tx, actor.orgId, debrief.candidateId, debrief.stageId);
    if (!debrief.isChair && !stage.panel.some((p) => p.id === actor.userId)) throw new AppError("FORBIDDEN", COMMENTERS_ONLY);
    if (debrief.status !== "OPEN") throw closedDebrief();
    const { queue } = await loadStageRatings(tx, actor, debrief, stage.scriptVersionIds);
    const unit = queuedUnit(queue, input.itemId, input.competencyId);
    if (!unit) throw new AppError("BAD_REQUEST", NOT_QUEUED, "itemId");
    const comment = await tx.debriefComment.create({
      data: { debriefId: debrief.id, itemId: unit.itemId, competencyId: unit.competencyId, authorId: actor.userId, body: input.body },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "debrief.commented", ["Debrief", debrief.id], {
      commentId: comment.id,
      itemId: unit.itemId,
      competencyId: unit.competencyId,
    });
    const version = await touchDebrief(tx, debrief.id);
    return { id: comment.id, version };
  });
}

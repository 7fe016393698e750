import type { SetReferenceRatersInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { asSet, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadAnswer, questionCompetencies } from "./_shared/answer-context";
import { drawConsensus } from "./_shared/consensus";
import { ONLY_DRAFTS, RATERS_LOCKED } from "./_shared/messages";

/**
 * The members who give an answer's reference ratings (two or more, any role). Raters who have already rated
 * stay; once every rater has rated the set is closed (the consensus is drawn from it). With `shown` (the
 * picker's), raters changed since the picker showed them are not overwritten (CONFLICT).
 */
export async function setReferenceRaters(db: Db, actor: Actor, input: SetReferenceRatersInput): Promise<{ id: string; raters: number }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.answerId, { forChange: true });
    if (answer.status !== "DRAFT") throw new AppError("CONFLICT", ONLY_DRAFTS);
    if (answer.raters.length > 0 && answer.raters.every((r) => r.submittedAt !== null)) throw new AppError("CONFLICT", RATERS_LOCKED);
    refuseIfShownChanged(
      input.shown && { raters: asSet(input.shown) },
      { raters: asSet(answer.raters.map((r) => r.userId)) },
      { key: "training.ratersChangedElsewhere" },
    );
    const members = await tx.membership.findMany({
      where: { orgId: actor.orgId, userId: { in: input.userIds } },
      select: { userId: true },
    });
    const missing = input.userIds.filter((id) => !members.some((m) => m.userId === id));
    if (missing.length > 0) throw new AppError("BAD_REQUEST", { key: "training.ratersMustBeMembers" }, "userIds");
    const dropped = answer.raters.filter((r) => !input.userIds.includes(r.userId));
    const droppedRated = dropped.filter((r) => r.submittedAt !== null);
    if (droppedRated.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        { key: "training.ratersStay", values: { count: droppedRated.length, names: droppedRated.map((r) => r.user.name) } },
        "userIds",
      );
    }
    await tx.practiceAnswerRater.deleteMany({ where: { answerId: answer.id, userId: { in: dropped.map((r) => r.userId) } } });
    await tx.practiceAnswerRater.createMany({
      data: input.userIds.map((userId) => ({ answerId: answer.id, userId })),
      skipDuplicates: true,
    });
    // Dropping the last raters who had not rated leaves only raters who have: their consensus is drawn now.
    const kept = answer.raters.filter((r) => input.userIds.includes(r.userId));
    if (kept.length === input.userIds.length && kept.every((r) => r.submittedAt !== null)) {
      const competencies = await questionCompetencies(tx, answer.questionId);
      await drawConsensus(tx, answer.id, competencies.map((c) => c.id));
    }
    await recordActorEvent(tx, actor, "practice_answer.raters_set", ["PracticeAnswer", answer.id], { raterIds: input.userIds });
    return { id: answer.id, raters: input.userIds.length };
  });
}

import type { UpdatePracticeAnswerInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadAnswer } from "./_shared/answer-context";
import { candidateOfScorecard, refuseIdentifyingText } from "./_shared/identifying";
import { ONLY_DRAFTS, TEXT_LOCKED } from "./_shared/messages";

/**
 * A draft's new text, before any reference rater has rated it; checked again for identifying details. With
 * `shown` (the editor's), a text changed since the editor showed it is not overwritten (CONFLICT).
 */
export async function updatePracticeAnswer(db: Db, actor: Actor, input: UpdatePracticeAnswerInput): Promise<{ id: string }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.id, { forChange: true });
    if (answer.status !== "DRAFT") throw new AppError("CONFLICT", ONLY_DRAFTS);
    if (answer.raters.some((r) => r.submittedAt !== null)) throw new AppError("CONFLICT", TEXT_LOCKED);
    refuseIfShownChanged(input.shown === undefined ? undefined : { text: input.shown }, { text: answer.text }, { key: "training.answerChangedElsewhere" });
    refuseIdentifyingText(input.text, await candidateOfScorecard(tx, answer.sourceScorecardId));
    if (answer.text !== input.text) {
      await tx.practiceAnswer.update({ where: { id: answer.id }, data: { text: input.text } });
      await recordActorEvent(tx, actor, "practice_answer.updated", ["PracticeAnswer", answer.id], { changed: "text" });
    }
    return { id: answer.id };
  });
}

import { randomUUID } from "node:crypto";
import type { CreatePracticeAnswerInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadUsableQuestion } from "./_shared/answer-context";
import { refuseIdentifyingText } from "./_shared/identifying";

/**
 * An organisation's own practice answer, written or pasted by an admin or HR for a question of a bank the
 * organisation uses. Saved as a draft; it is used in practice once its reference raters agree (or the
 * manager resolves their disagreements) and it is activated. Text with an email address or phone number is
 * refused with the matches listed.
 */
export async function createPracticeAnswer(db: Db, actor: Actor, input: CreatePracticeAnswerInput): Promise<{ id: string }> {
  requirePermission(actor, "training:manage");
  refuseIdentifyingText(input.text, []);
  return db.$transaction(async (tx) => {
    const question = await loadUsableQuestion(tx, actor, input.questionId);
    const answer = await tx.practiceAnswer.create({
      data: {
        orgId: actor.orgId,
        questionId: question.id,
        slug: `org-${randomUUID()}`,
        source: "ORG_WRITTEN",
        text: input.text,
        status: "DRAFT",
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "practice_answer.created", ["PracticeAnswer", answer.id], { source: "ORG_WRITTEN", questionId: question.id });
    return answer;
  });
}

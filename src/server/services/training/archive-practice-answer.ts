import type { PracticeAnswerStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadAnswer } from "./_shared/answer-context";

/** Takes an organisation's answer out of practice (sessions already started keep it). Archiving twice changes nothing. */
export async function archivePracticeAnswer(db: Db, actor: Actor, input: { id: string }): Promise<{ id: string; status: PracticeAnswerStatus }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.id, { forChange: true });
    if (answer.status !== "ARCHIVED") {
      await tx.practiceAnswer.update({ where: { id: answer.id }, data: { status: "ARCHIVED" } });
      await recordActorEvent(tx, actor, "practice_answer.archived", ["PracticeAnswer", answer.id], { from: answer.status });
    }
    return { id: answer.id, status: "ARCHIVED" as const };
  });
}

import type { Db } from "@/server/db";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { lockWritableQuestion } from "./_shared/writable-banks";

/** Deletes a question and closes the gap, so the bank stays numbered 1, 2, 3… */
export async function deleteQuestion(db: Db, actor: Actor, questionId: string) {
  requirePermission(actor, "banks:write");
  return db.$transaction(async (tx) => {
    const question = await lockWritableQuestion(tx, actor, questionId);
    await tx.question.delete({ where: { id: question.id } });
    // Two steps through negative numbers: Postgres checks the unique (bankId, position) index row by row.
    await tx.$executeRaw`UPDATE "Question" SET "position" = -"position"
      WHERE "bankId" = ${question.bankId} AND "position" > ${question.position}`;
    await tx.$executeRaw`UPDATE "Question" SET "position" = -"position" - 1
      WHERE "bankId" = ${question.bankId} AND "position" < 0`;
    await recordActorEvent(tx, actor, "question.deleted", ["Question", question.id], { bankId: question.bankId, position: question.position, text: question.text });
    return { id: question.id, bankId: question.bankId };
  });
}

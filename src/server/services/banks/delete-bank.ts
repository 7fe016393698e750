import type { Db } from "@/server/db";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { lockWritableBank } from "./_shared/writable-banks";

/**
 * Deletes one of the organisation's banks with its questions. Interview scripts are unaffected: their
 * items keep their own copy of the wording and only lose the link back to the question.
 */
export async function deleteBank(db: Db, actor: Actor, bankId: string) {
  requirePermission(actor, "banks:write");
  return db.$transaction(async (tx) => {
    const bank = await lockWritableBank(tx, actor, bankId);
    const questions = await tx.question.count({ where: { bankId: bank.id } });
    await tx.questionBank.delete({ where: { id: bank.id } });
    await recordActorEvent(tx, actor, "bank.deleted", ["QuestionBank", bank.id], { name: bank.name, questions });
    return { id: bank.id };
  });
}

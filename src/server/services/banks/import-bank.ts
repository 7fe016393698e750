import type { Db } from "@/server/db";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { insertBank } from "./_shared/bank-names";
import { insertQuestions, type ImportedQuestion } from "./_shared/insert-questions";

export type ImportBankInput = {
  /** null for a built-in bank shared by every organisation (command line only). */
  orgId: string | null;
  actorId: string | null;
  name: string;
  role?: string | null;
  source?: string | null;
  questions: ImportedQuestion[];
};

/** Creates a bank with its questions in one transaction; nothing is written if any question is invalid. */
export async function importBank(db: Db, input: ImportBankInput) {
  return db.$transaction(
    async (tx) => {
      const bank = await insertBank(tx, input.orgId, { name: input.name, role: input.role, source: input.source }, "name");
      await insertQuestions(tx, {
        orgId: input.orgId,
        bankId: bank.id,
        firstPosition: 1,
        source: input.source ?? null,
        questions: input.questions,
        competencyField: "competencies",
      });
      await recordAuditEvent(tx, {
        orgId: input.orgId,
        actorId: input.actorId,
        action: "bank.imported",
        entityType: "QuestionBank",
        entityId: bank.id,
        data: { name: bank.name, questions: input.questions.length, newBank: true },
      });
      return { bankId: bank.id, questions: input.questions.length };
    },
    { timeout: 30_000 },
  );
}

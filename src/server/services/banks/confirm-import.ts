import type { ConfirmImportInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankNameTaken, insertBank, isUniqueViolation } from "./_shared/bank-names";
import { insertQuestions } from "./_shared/insert-questions";
import { lockWritableBank, nextPosition } from "./_shared/writable-banks";

/**
 * Stores the questions a person reviewed in the import preview: into a new bank, or after the last
 * question of one of the organisation's banks. All or nothing, in one transaction.
 */
export async function confirmImport(db: Db, actor: Actor, input: ConfirmImportInput) {
  requirePermission(actor, "banks:write");
  const nameField = "target.newBank.name";
  try {
    return await db.$transaction(
      async (tx) => {
        const target =
          "bankId" in input.target
            ? { ...(await lockWritableBank(tx, actor, input.target.bankId, "target.bankId")), created: false }
            : {
                ...(await insertBank(tx, actor.orgId, { ...input.target.newBank, source: input.source }, nameField)),
                created: true,
              };
        const firstPosition = target.created ? 1 : await nextPosition(tx, target.id);
        await insertQuestions(tx, {
          orgId: actor.orgId,
          bankId: target.id,
          firstPosition,
          source: input.source ?? null,
          competencyField: "competencySlugs",
          questions: input.questions.map((q) => ({
            text: q.text,
            assesses: q.assesses,
            howToAnswer: q.howToAnswer,
            exampleAnswer: q.exampleAnswer,
            competencies: q.competencySlugs,
            textReconstructed: q.textReconstructed ?? false,
            source: input.source && q.entry ? `${input.source}, entry ${q.entry}` : (input.source ?? "imported"),
          })),
        });
        // The spreadsheet's columns as the person mapped them, offered first next time (as candidate import does).
        if (input.mapping) await tx.organization.update({ where: { id: actor.orgId }, data: { bankImportMapping: input.mapping } });
        await recordActorEvent(tx, actor, "bank.imported", ["QuestionBank", target.id], { name: target.name, questions: input.questions.length, newBank: target.created, firstPosition, source: input.source ?? null });
        return { bankId: target.id, imported: input.questions.length };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error) && "newBank" in input.target) throw bankNameTaken(input.target.newBank.name.trim(), nameField);
    throw error;
  }
}

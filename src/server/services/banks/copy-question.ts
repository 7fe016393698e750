import type { CopyQuestionInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { questionCoreSelect, questionGuidanceSelect } from "./_shared/selects";
import { visibleBankWhere } from "./visible-banks";
import { lockWritableBank, nextPosition } from "./_shared/writable-banks";

/**
 * Copies any question the organisation can see (a built-in one included) to the end of one of its own
 * banks, where it can be edited. The copy keeps the original's competencies and remembers where it came from.
 */
export async function copyQuestion(db: Db, actor: Actor, input: CopyQuestionInput) {
  requirePermission(actor, "banks:write");
  return db.$transaction(async (tx) => {
    const original = await tx.question.findFirst({
      where: { id: input.questionId, bank: visibleBankWhere(actor) },
      select: {
        ...questionCoreSelect,
        ...questionGuidanceSelect,
        bank: { select: { name: true } },
        competencies: { orderBy: { position: "asc" }, select: { competencyId: true, position: true } },
      },
    });
    if (!original) throw notFound("Question");
    const bank = await lockWritableBank(tx, actor, input.bankId, "bankId");
    const position = await nextPosition(tx, bank.id);
    const copy = await tx.question.create({
      data: {
        bankId: bank.id,
        position,
        text: original.text,
        textReconstructed: original.textReconstructed,
        assesses: original.assesses,
        howToAnswer: original.howToAnswer,
        exampleAnswer: original.exampleAnswer,
        source: original.source ?? `Copied from ${original.bank.name}`,
        competencies: { create: original.competencies.map(({ competencyId, position: p }) => ({ competencyId, position: p })) },
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "question.copied", ["Question", copy.id], { fromQuestionId: original.id, bankId: bank.id, position });
    return { id: copy.id };
  });
}

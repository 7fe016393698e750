import type { AddQuestionInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { competencyIdsBySlug, requireCompetencyIds } from "./_shared/competency-lookup";
import { lockWritableBank, nextPosition } from "./_shared/writable-banks";

/** Adds a question at the end of one of the organisation's banks. */
export async function addQuestion(db: Db, actor: Actor, input: AddQuestionInput) {
  requirePermission(actor, "banks:write");
  return db.$transaction(async (tx) => {
    const bank = await lockWritableBank(tx, actor, input.bankId, "bankId");
    const competencyIds = requireCompetencyIds(
      await competencyIdsBySlug(tx, actor.orgId, input.competencySlugs),
      input.competencySlugs,
      "competencySlugs",
    );
    const position = await nextPosition(tx, bank.id);
    const question = await tx.question.create({
      data: {
        bankId: bank.id,
        position,
        text: input.text,
        assesses: input.assesses,
        howToAnswer: input.howToAnswer,
        exampleAnswer: input.exampleAnswer,
        source: "custom",
        competencies: { create: competencyIds.map((competencyId, i) => ({ competencyId, position: i })) },
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "question.created", ["Question", question.id], { bankId: bank.id, position, competencies: input.competencySlugs });
    return { id: question.id };
  });
}

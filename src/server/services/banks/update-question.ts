import type { UpdateQuestionInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { refuseIfChangedSince } from "@/server/services/_shared/lock-for-update";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { competencyIdsBySlug, requireCompetencyIds } from "./_shared/competency-lookup";
import { lockWritableQuestion } from "./_shared/writable-banks";

/**
 * Rewrites a question of one of the organisation's banks; the audit entry names the fields that changed. With
 * `baseUpdatedAt` (the edit form's), a question changed since the form was opened is not overwritten (CONFLICT).
 */
export async function updateQuestion(db: Db, actor: Actor, input: UpdateQuestionInput) {
  requirePermission(actor, "banks:write");
  return db.$transaction(async (tx) => {
    const question = await lockWritableQuestion(tx, actor, input.id);
    const before = await tx.question.findUniqueOrThrow({
      where: { id: question.id },
      select: {
        text: true,
        assesses: true,
        howToAnswer: true,
        exampleAnswer: true,
        updatedAt: true,
        competencies: { orderBy: { position: "asc" }, select: { competency: { select: { slug: true } } } },
      },
    });
    refuseIfChangedSince(input.baseUpdatedAt, before.updatedAt, { key: "bank.questionChangedElsewhere" });
    const competencyIds = requireCompetencyIds(
      await competencyIdsBySlug(tx, actor.orgId, input.competencySlugs),
      input.competencySlugs,
      "competencySlugs",
    );
    const textFields = ["text", "assesses", "howToAnswer", "exampleAnswer"] as const;
    const changed: string[] = textFields.filter((key) => before[key] !== input[key]);
    const beforeSlugs = before.competencies.map((c) => c.competency.slug);
    if (beforeSlugs.join(",") !== input.competencySlugs.join(",")) changed.push("competencies");

    await tx.questionCompetency.deleteMany({ where: { questionId: question.id } });
    await tx.question.update({
      where: { id: question.id },
      data: {
        text: input.text,
        assesses: input.assesses,
        howToAnswer: input.howToAnswer,
        exampleAnswer: input.exampleAnswer,
        competencies: { create: competencyIds.map((competencyId, i) => ({ competencyId, position: i })) },
      },
    });
    await recordActorEvent(tx, actor, "question.updated", ["Question", question.id], {
      bankId: question.bankId,
      changed,
      ...(changed.includes("text") ? { text: { from: before.text, to: input.text } } : {}),
      ...(changed.includes("competencies") ? { competencies: { from: beforeSlugs, to: input.competencySlugs } } : {}),
    });
    return { id: question.id };
  });
}

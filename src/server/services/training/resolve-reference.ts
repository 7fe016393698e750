import type { ResolveReferenceInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadAnswer, questionCompetencies } from "./_shared/answer-context";
import { agreements } from "./_shared/consensus";
import { NOT_ALL_RATED_YET, ONLY_DRAFTS } from "./_shared/messages";

/**
 * The manager's consensus for a competency the reference raters disagreed on: a level and its rationale, as
 * in a debrief. Recording it again replaces it while the answer is a draft; agreed competencies are not open.
 */
export async function resolveReference(db: Db, actor: Actor, input: ResolveReferenceInput): Promise<{ id: string }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.answerId, { forChange: true });
    if (answer.status !== "DRAFT") throw new AppError("CONFLICT", ONLY_DRAFTS);
    if (answer.raters.length === 0 || answer.raters.some((r) => r.submittedAt === null)) throw new AppError("CONFLICT", NOT_ALL_RATED_YET);
    const competencies = await questionCompetencies(tx, answer.questionId);
    const competency = competencies.find((c) => c.id === input.competencyId);
    if (!competency) throw new AppError("BAD_REQUEST", { key: "training.notAssessed" }, "competencyId");
    const ratings = await tx.practiceReferenceRating.findMany({
      where: { answerId: answer.id, raterId: { not: null } },
      select: { competencyId: true, level: true, rationale: true, raterId: true },
    });
    if (agreements([competency.id], ratings).get(competency.id)) {
      throw new AppError("BAD_REQUEST", { key: "training.nothingToResolve", values: { competency: competency.name } }, "competencyId");
    }
    // No unique key can hold a null rater, so the answer's lock (above) is what keeps this to one row.
    await tx.practiceReferenceRating.deleteMany({ where: { answerId: answer.id, competencyId: competency.id, raterId: null } });
    await tx.practiceReferenceRating.create({
      data: { answerId: answer.id, competencyId: competency.id, level: input.level, rationale: input.rationale, raterId: null },
    });
    await recordActorEvent(tx, actor, "practice_answer.reference_resolved", ["PracticeAnswer", answer.id], { competencyId: competency.id });
    return { id: answer.id };
  });
}

import type { RateReferenceInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadAnswer, questionCompetencies } from "./_shared/answer-context";
import { drawConsensus } from "./_shared/consensus";
import { ALREADY_RATED, NOT_A_RATER, ONLY_DRAFTS } from "./_shared/messages";

/**
 * A reference rater's own ratings of a practice answer: every competency its question assesses, 1 to 4 on the
 * anchors, each with a reason. Given once and independently (the other raters' ratings stay hidden until
 * then). When the last rater submits, the competencies everyone rated the same become the consensus and the
 * rest wait for the manager.
 */
export async function rateReference(db: Db, actor: Actor, input: RateReferenceInput): Promise<{ allSubmitted: boolean; agreed: number; disagreements: number }> {
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.answerId, { forChange: true }).catch((error: unknown) => {
      // A built-in answer has no reference raters: to everyone else it is simply not a rating task.
      if (error instanceof AppError && error.code === "BAD_REQUEST") throw new AppError("FORBIDDEN", NOT_A_RATER);
      throw error;
    });
    const seat = answer.raters.find((r) => r.userId === actor.userId);
    if (!seat) throw new AppError("FORBIDDEN", NOT_A_RATER);
    if (seat.submittedAt) throw new AppError("CONFLICT", ALREADY_RATED);
    if (answer.status !== "DRAFT") throw new AppError("CONFLICT", ONLY_DRAFTS);
    const competencies = await questionCompetencies(tx, answer.questionId);
    const foreign = input.ratings.filter((r) => !competencies.some((c) => c.id === r.competencyId));
    if (foreign.length > 0) throw new AppError("BAD_REQUEST", { key: "training.rateOnlyAssessed" }, "ratings");
    const missing = competencies.filter((c) => !input.ratings.some((r) => r.competencyId === c.id));
    if (missing.length > 0) {
      throw new AppError("BAD_REQUEST", { key: "training.rateEveryAssessed", values: { count: missing.length, competencies: missing.map((c) => c.name).join(", ") } }, "ratings");
    }
    for (const rating of input.ratings) {
      const competency = competencies.find((c) => c.id === rating.competencyId)!;
      if (!competency.anchors.some((a) => a.level === rating.level)) {
        throw new AppError("BAD_REQUEST", { key: "training.noAnchor", values: { competency: competency.name, level: String(rating.level) } }, "ratings");
      }
    }
    await tx.practiceReferenceRating.createMany({
      data: input.ratings.map((r) => ({ answerId: answer.id, competencyId: r.competencyId, level: r.level, rationale: r.rationale, raterId: actor.userId })),
    });
    await tx.practiceAnswerRater.update({
      where: { answerId_userId: { answerId: answer.id, userId: actor.userId } },
      data: { submittedAt: new Date() },
    });
    const allSubmitted = answer.raters.every((r) => r.userId === actor.userId || r.submittedAt !== null);
    const outcome = allSubmitted ? await drawConsensus(tx, answer.id, competencies.map((c) => c.id)) : { agreed: 0, disagreements: 0 };
    await recordActorEvent(tx, actor, "practice_answer.reference_rated", ["PracticeAnswer", answer.id], {
      competencies: input.ratings.length,
      allSubmitted,
    });
    return { allSubmitted, ...outcome };
  });
}

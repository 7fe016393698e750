import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import type { PracticeAnswerStatus } from "@/generated/prisma/enums";
import { MIN_REFERENCE_RATERS } from "@/lib/schemas/training";
import { loadAnswer, questionCompetencies } from "./_shared/answer-context";
import { ONLY_DRAFTS } from "./_shared/messages";

/**
 * Puts a draft into practice: it needs two or more reference raters who have all rated, and a consensus for
 * every competency its question assesses. Activating an active answer again changes nothing.
 */
export async function activatePracticeAnswer(db: Db, actor: Actor, input: { id: string }): Promise<{ id: string; status: PracticeAnswerStatus }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, actor, input.id, { forChange: true });
    if (answer.status === "ACTIVE") return { id: answer.id, status: answer.status };
    if (answer.status !== "DRAFT") throw new AppError("CONFLICT", ONLY_DRAFTS);
    if (answer.raters.length < MIN_REFERENCE_RATERS) {
      throw new AppError("BAD_REQUEST", { key: "training.tooFewRaters", values: { min: String(MIN_REFERENCE_RATERS) } });
    }
    const waiting = answer.raters.filter((r) => r.submittedAt === null);
    if (waiting.length > 0) {
      throw new AppError("BAD_REQUEST", { key: "training.waitingForRaters", values: { names: waiting.map((r) => r.user.name).join(", ") } });
    }
    const competencies = await questionCompetencies(tx, answer.questionId);
    const consensus = await tx.practiceReferenceRating.findMany({ where: { answerId: answer.id, raterId: null }, select: { competencyId: true } });
    const open = competencies.filter((c) => !consensus.some((r) => r.competencyId === c.id));
    if (open.length > 0) {
      throw new AppError("BAD_REQUEST", { key: "training.resolveDisagreement", values: { competencies: open.map((c) => c.name).join(", ") } });
    }
    await tx.practiceAnswer.update({ where: { id: answer.id }, data: { status: "ACTIVE" } });
    await recordActorEvent(tx, actor, "practice_answer.activated", ["PracticeAnswer", answer.id], { raters: answer.raters.length });
    return { id: answer.id, status: "ACTIVE" as const };
  });
}

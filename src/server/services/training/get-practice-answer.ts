import type { PracticeAnswerView } from "@/lib/schemas/training";
import {
  managesTraining,
  readsPracticeAnswer,
  REFERENCES_WITHHELD_UNTIL_OWN,
  seesOtherReferenceRatings,
} from "@/server/access/practice-visibility";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { loadAnswer, questionCompetencies } from "./_shared/answer-context";
import { unresolvedCompetencies } from "./_shared/consensus";
import { ANSWER_NOT_FOUND } from "./_shared/messages";

/**
 * One practice answer for its managers (HR, admins) and its reference raters: the text, the question's
 * competencies with their anchors, the raters and who has rated, the viewer's own ratings, and (once the
 * rule allows: never to a rater before submitting their own) the other raters' ratings, the disagreements
 * still to resolve and the consensus. Built-in answers are read by managers only, with their curated reference.
 */
export async function getPracticeAnswer(db: Db, actor: Actor, input: { id: string }): Promise<PracticeAnswerView> {
  const answer = await loadAnswer(db, actor, input.id);
  const seat = answer.raters.find((r) => r.userId === actor.userId);
  const isRater = Boolean(seat);
  const submitted = Boolean(seat?.submittedAt);
  if (!readsPracticeAnswer(actor, { isRater })) throw new AppError("NOT_FOUND", ANSWER_NOT_FOUND);
  const seesOthers = seesOtherReferenceRatings(actor, { isRater, submitted });

  const [question, competencies, references] = await Promise.all([
    db.question.findUniqueOrThrow({ where: { id: answer.questionId }, select: { id: true, text: true, bank: { select: { name: true } } } }),
    questionCompetencies(db, answer.questionId),
    db.practiceReferenceRating.findMany({
      where: { answerId: answer.id },
      select: { competencyId: true, level: true, rationale: true, raterId: true, rater: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const order = new Map(competencies.map((c, i) => [c.id, i]));
  const byCompetency = <T extends { competencyId: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (order.get(a.competencyId) ?? 99) - (order.get(b.competencyId) ?? 99));
  const plain = (r: { competencyId: string; level: number; rationale: string }) => ({ competencyId: r.competencyId, level: r.level, rationale: r.rationale });

  const raterRows = references.filter((r) => r.raterId !== null);
  const allSubmitted = answer.raters.length > 0 && answer.raters.every((r) => r.submittedAt !== null);
  const consensus = references.filter((r) => r.raterId === null);
  const unresolved = allSubmitted ? unresolvedCompetencies(competencies.map((c) => c.id), raterRows, consensus) : [];
  const manages = managesTraining(actor);
  return {
    id: answer.id,
    builtIn: answer.orgId === null,
    status: answer.status,
    source: answer.source,
    text: answer.text,
    question: { id: question.id, text: question.text, bankName: question.bank.name },
    competencies,
    raters: answer.raters.map((r) => ({ userId: r.userId, name: r.user.name, submitted: r.submittedAt !== null })),
    viewer: { manages, isRater, submitted, seesOtherRaters: seesOthers },
    withheld: seesOthers ? null : REFERENCES_WITHHELD_UNTIL_OWN,
    mine: byCompetency(raterRows.filter((r) => r.raterId === actor.userId)).map(plain),
    raterRatings: seesOthers
      ? byCompetency(raterRows).map((r) => ({ ...plain(r), raterId: r.raterId!, raterName: r.rater?.name ?? null }))
      : [],
    consensus: seesOthers ? byCompetency(consensus).map(plain) : [],
    allSubmitted,
    unresolved: seesOthers ? unresolved : [],
    canEditText:
      manages && answer.orgId !== null && answer.status === "DRAFT" && answer.raters.every((r) => r.submittedAt === null),
    canActivate:
      manages &&
      answer.orgId !== null &&
      answer.status === "DRAFT" &&
      allSubmitted &&
      answer.raters.length >= 2 &&
      competencies.every((c) => consensus.some((r) => r.competencyId === c.id)),
  };
}

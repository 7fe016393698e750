import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { excerptOf } from "./_shared/answer-context";

/** The practice answers the actor was asked to give reference ratings for, waiting ones first. */
export async function listReferenceTasks(db: Db, actor: Actor) {
  const seats = await db.practiceAnswerRater.findMany({
    where: { userId: actor.userId, answer: { orgId: actor.orgId, status: { not: "ARCHIVED" } } },
    orderBy: { addedAt: "desc" },
    take: 100,
    select: { submittedAt: true, answer: { select: { id: true, status: true, text: true, question: { select: { text: true } } } } },
  });
  return seats
    .map((s) => ({
      answerId: s.answer.id,
      questionText: s.answer.question.text,
      excerpt: excerptOf(s.answer.text),
      submitted: s.submittedAt !== null,
      status: s.answer.status,
    }))
    .sort((a, b) => Number(a.submitted) - Number(b.submitted));
}

import type { ListPracticeAnswersInput, PracticeAnswerList } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { excerptOf } from "./_shared/answer-context";

/** The organisation's own practice answers, newest change first, and how many built-in ones every organisation has. */
export async function listPracticeAnswers(db: Db, actor: Actor, input: ListPracticeAnswersInput): Promise<PracticeAnswerList> {
  requirePermission(actor, "training:manage");
  const [rows, builtIn] = await Promise.all([
    db.practiceAnswer.findMany({
      where: { orgId: actor.orgId, ...(input.status ? { status: input.status } : { status: { not: "ARCHIVED" } }) },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        status: true,
        source: true,
        text: true,
        createdAt: true,
        updatedAt: true,
        question: { select: { text: true, bank: { select: { name: true } } } },
        raters: { select: { submittedAt: true } },
      },
    }),
    db.practiceAnswer.findMany({ where: { orgId: null, status: "ACTIVE" }, select: { questionId: true } }),
  ]);
  return {
    builtIn: { answers: builtIn.length, questions: new Set(builtIn.map((a) => a.questionId)).size },
    rows: rows.map((a) => ({
      id: a.id,
      status: a.status,
      source: a.source,
      excerpt: excerptOf(a.text),
      questionText: a.question.text,
      bankName: a.question.bank.name,
      raters: a.raters.length,
      submitted: a.raters.filter((r) => r.submittedAt !== null).length,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
  };
}

// The practice answers a script version's questions offer: active answers, built in or the organisation's,
// of the bank questions its items were copied from, each with its reference (consensus) ratings.
import type { Reader } from "./answer-context";

export type SessionAnswer = {
  id: string;
  questionId: string;
  references: Array<{ competencyId: string; level: number; rationale: string }>;
};

export async function versionQuestionIds(db: Reader, scriptVersionId: string): Promise<string[]> {
  const items = await db.scriptItem.findMany({
    where: { section: { versionId: scriptVersionId }, questionId: { not: null } },
    select: { questionId: true },
  });
  return [...new Set(items.map((i) => i.questionId!))];
}

export async function practiceAnswersFor(db: Reader, orgId: string, questionIds: readonly string[]): Promise<SessionAnswer[]> {
  if (questionIds.length === 0) return [];
  const answers = await db.practiceAnswer.findMany({
    where: { questionId: { in: [...questionIds] }, status: "ACTIVE", OR: [{ orgId: null }, { orgId }] },
    select: {
      id: true,
      questionId: true,
      references: { where: { raterId: null }, select: { competencyId: true, level: true, rationale: true } },
    },
    orderBy: { id: "asc" },
  });
  return answers.filter((a) => a.references.length > 0);
}

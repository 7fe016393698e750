// Loading practice answers for the training use cases: an organisation's own answer for a change (locked
// for the transaction), and the competencies (with anchors) its question assesses.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { ANSWER_NOT_FOUND, BUILT_IN_READ_ONLY } from "./messages";

export type Reader = Db | Prisma.TransactionClient;

const answerSelect = {
  id: true,
  orgId: true,
  status: true,
  source: true,
  text: true,
  questionId: true,
  sourceScorecardId: true,
  raters: { select: { userId: true, submittedAt: true, user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
} satisfies Prisma.PracticeAnswerSelect;

export type OrgAnswer = Prisma.PracticeAnswerGetPayload<{ select: typeof answerSelect }>;

/**
 * An answer the actor's organisation may read (its own, or a built-in one), or NOT_FOUND. `forChange` refuses
 * built-in answers and locks the row until the transaction ends, so concurrent changes run one at a time.
 */
export async function loadAnswer(db: Reader, actor: Actor, id: string, options: { forChange?: boolean } = {}): Promise<OrgAnswer> {
  if (options.forChange) {
    const locked = await db.$queryRaw<Array<{ orgId: string | null }>>`
      SELECT "orgId" FROM "PracticeAnswer" WHERE "id" = ${id} AND ("orgId" = ${actor.orgId} OR "orgId" IS NULL) FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", ANSWER_NOT_FOUND);
    if (locked[0]!.orgId === null) throw new AppError("BAD_REQUEST", BUILT_IN_READ_ONLY);
  }
  const answer = await db.practiceAnswer.findFirst({
    where: { id, OR: [{ orgId: actor.orgId }, { orgId: null }] },
    select: answerSelect,
  });
  if (!answer) throw new AppError("NOT_FOUND", ANSWER_NOT_FOUND);
  return answer;
}

/** A bank question the organisation uses (its own banks and the built-in ones), or NOT_FOUND. */
export async function loadUsableQuestion(db: Reader, actor: Actor, questionId: string) {
  const question = await db.question.findFirst({
    where: { id: questionId, bank: { OR: [{ orgId: actor.orgId }, { orgId: null }] } },
    select: { id: true, text: true },
  });
  if (!question) throw new AppError("NOT_FOUND", { key: "notFound.question" });
  return question;
}

/** The competencies a question assesses, in its order, with their anchors (levels 1 to 4). */
export async function questionCompetencies(db: Reader, questionId: string) {
  const rows = await db.questionCompetency.findMany({
    where: { questionId },
    orderBy: { position: "asc" },
    select: {
      competency: {
        select: { id: true, name: true, anchors: { orderBy: { level: "asc" }, select: { level: true, description: true } } },
      },
    },
  });
  return rows.map((r) => r.competency);
}

export const excerptOf = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

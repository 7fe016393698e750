import type { PracticeRateInput } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { REFERENCE_SEEN } from "./_shared/messages";
import { loadOwnOpenSession } from "./_shared/session-context";

/**
 * Saves one rating in the actor's open practice session (autosave from the scoring screen). One UPDATE of the
 * cell the session created when it started: the same value twice, or two tabs, leave one row with the last
 * value. Refused once the answer's reference has been revealed.
 */
export async function ratePracticeAnswer(db: Db, actor: Actor, input: PracticeRateInput): Promise<{ score: number | null }> {
  const updated = await db.$executeRaw`
    UPDATE "PracticeRating" r SET "score" = ${input.score}, "updatedAt" = now()
    FROM "PracticeSession" ps
    WHERE r."sessionId" = ${input.sessionId} AND r."answerId" = ${input.answerId} AND r."competencyId" = ${input.competencyId}
      AND r."revealedAt" IS NULL
      AND ps."id" = r."sessionId" AND ps."orgId" = ${actor.orgId} AND ps."userId" = ${actor.userId} AND ps."status" = 'OPEN'::"PracticeSessionStatus"`;
  if (updated === 1) return { score: input.score };

  // Nothing saved: say why.
  await loadOwnOpenSession(db, actor, input.sessionId);
  const cell = await db.practiceRating.findUnique({
    where: { sessionId_answerId_competencyId: { sessionId: input.sessionId, answerId: input.answerId, competencyId: input.competencyId } },
    select: { revealedAt: true },
  });
  if (!cell) throw new AppError("BAD_REQUEST", { key: "training.competencyNotInSession" }, "competencyId");
  throw new AppError("CONFLICT", REFERENCE_SEEN);
}

import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { CANDIDATE_ERASED, INTERVIEW_CANCELLED, SUBMITTED_SCORECARD } from "./scorecard-messages";

/**
 * After a cell save wrote nothing: the scorecard if it is the caller's draft (so the cause lies in the cell),
 * else the reason as an error — NOT_FOUND for anyone else's scorecard, CONFLICT once it is submitted, its
 * interview cancelled or its candidate erased.
 */
export async function ownDraftOrRefusal(db: Db, actor: Actor, scorecardId: string) {
  const card = await db.scorecard.findFirst({
    where: {
      id: scorecardId,
      orgId: actor.orgId,
      panelistId: actor.userId,
      interview: { panel: { some: { userId: actor.userId } } },
    },
    select: {
      id: true,
      status: true,
      interview: { select: { scriptVersionId: true, status: true, candidate: { select: { anonymizedAt: true } } } },
    },
  });
  if (!card) throw notFound("Scorecard");
  assertScorecardOpen({ interviewStatus: card.interview.status, candidateErased: card.interview.candidate.anonymizedAt !== null });
  if (card.status === "SUBMITTED") throw new AppError("CONFLICT", SUBMITTED_SCORECARD);
  return { id: card.id, scriptVersionId: card.interview.scriptVersionId };
}

/** No scorecard of a cancelled interview or an erased candidate takes new ratings, notes, submissions or amendments. */
export function assertScorecardOpen(state: { interviewStatus: string; candidateErased: boolean }) {
  if (state.candidateErased) throw new AppError("CONFLICT", CANDIDATE_ERASED);
  if (state.interviewStatus === "CANCELLED") throw new AppError("CONFLICT", INTERVIEW_CANCELLED);
}

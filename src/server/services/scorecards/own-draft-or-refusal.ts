import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { SUBMITTED_SCORECARD } from "./scorecard-messages";

/**
 * After a cell save wrote nothing: the scorecard if it is the caller's draft (so the cause lies in the cell),
 * else the reason as an error — NOT_FOUND for anyone else's scorecard, CONFLICT once it is submitted.
 */
export async function ownDraftOrRefusal(db: Db, actor: Actor, scorecardId: string) {
  const card = await db.scorecard.findFirst({
    where: {
      id: scorecardId,
      orgId: actor.orgId,
      panelistId: actor.userId,
      interview: { panel: { some: { userId: actor.userId } } },
    },
    select: { id: true, status: true, interview: { select: { scriptVersionId: true } } },
  });
  if (!card) throw notFound("Scorecard");
  if (card.status === "SUBMITTED") throw new AppError("CONFLICT", SUBMITTED_SCORECARD);
  return { id: card.id, scriptVersionId: card.interview.scriptVersionId };
}

import type { SetAssistedInput } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { lockOwnScorecard } from "@/server/services/scorecards/_shared/lock-scorecard";
import { ASSISTANCE_AFTER_SUBMIT } from "./_shared/messages";

/**
 * Assisted scoring: the panelist (or their supporter beside them) says a supporter is entering ratings on
 * their behalf, with the supporter's name; recorded on the panelist's own scorecard, never as a scorecard of
 * the supporter's. Changes while the scorecard is a draft; a submitted one keeps what it was submitted with.
 */
export async function setScorecardAssistance(db: Db, actor: Actor, input: SetAssistedInput) {
  return db.$transaction(async (tx) => {
    const locked = await lockOwnScorecard(tx, actor, input.scorecardId);
    if (locked.status === "SUBMITTED") throw new AppError("CONFLICT", ASSISTANCE_AFTER_SUBMIT, "assisted");
    const supporterName = input.assisted ? input.supporterName : null;
    await tx.scorecard.update({ where: { id: locked.id }, data: { assisted: input.assisted, supporterName } });
    await recordActorEvent(tx, actor, "scorecard.assistance_set", ["Scorecard", locked.id], { assisted: input.assisted });
    return { scorecardId: locked.id, assisted: input.assisted, supporterName };
  });
}

/** The caller's own scorecard's assistance, for the scoring screen (NOT_FOUND off the panel or before it exists). */
export async function getScorecardAssistance(db: Db, actor: Actor, input: { interviewId: string }) {
  const card = await db.scorecard.findFirst({
    where: { interviewId: input.interviewId, panelistId: actor.userId, orgId: actor.orgId },
    select: { id: true, assisted: true, supporterName: true },
  });
  if (!card) throw notFound("Scorecard");
  return { scorecardId: card.id, assisted: card.assisted, supporterName: card.supporterName };
}

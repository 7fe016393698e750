import type { SubmitScorecardInput } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { syncInterviewCompletion } from "@/server/services/interviews/_shared/sync-interview-completion";
import { lockOwnScorecard } from "./_shared/lock-scorecard";
import { assertRatingsComplete } from "./_shared/missing-ratings";
import { notifyProgress } from "./_shared/notify-progress";
import { ALREADY_SUBMITTED_DIFFERENTLY } from "./_shared/scorecard-messages";
import { emitScorecardWebhooks } from "@/server/services/webhooks/emit-scorecard-webhooks";

/**
 * Submits the panelist's scorecard once every required question is rated (or marked not assessed); it is
 * locked from then on and changes only by amendment. The row lock makes a repeated submit (double click,
 * second tab) wait for the first and then answer with the same submittedAt instead of submitting twice.
 */
export async function submitScorecard(db: Db, actor: Actor, input: SubmitScorecardInput): Promise<{ submittedAt: Date }> {
  return db.$transaction(async (tx) => {
    const locked = await lockOwnScorecard(tx, actor, input.scorecardId);
    if (locked.status === "SUBMITTED") {
      const card = await tx.scorecard.findUniqueOrThrow({
        where: { id: locked.id },
        select: { submittedAt: true, recommendation: true, summary: true },
      });
      if (card.submittedAt && card.recommendation === input.recommendation && card.summary === input.summary) {
        return { submittedAt: card.submittedAt };
      }
      throw new AppError("CONFLICT", ALREADY_SUBMITTED_DIFFERENTLY);
    }
    await assertRatingsComplete(tx, locked.id, locked.scriptVersionId);
    const submittedAt = new Date();
    await tx.scorecard.update({
      where: { id: locked.id },
      data: {
        status: "SUBMITTED",
        submittedAt,
        recommendation: input.recommendation,
        summary: input.summary,
        version: { increment: 1 },
      },
    });
    await recordActorEvent(tx, actor, "scorecard.submitted", ["Scorecard", locked.id], { interviewId: locked.interviewId });
    await syncInterviewCompletion(tx, locked.interviewId);
    await emitScorecardWebhooks(tx, actor.orgId, locked.id);
    await notifyProgress(tx, locked.interviewId);
    return { submittedAt };
  });
}

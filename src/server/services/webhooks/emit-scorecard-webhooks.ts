// The webhook events of a scorecard submission, in its transaction: scorecard.submitted, and
// interview.all_submitted when it was the last counting panelist. A shadow's scorecard counts for nothing and
// sends nothing. Call after syncInterviewCompletion, which decides whether the interview is complete.
import type { Prisma } from "@/generated/prisma/client";
import { recordWebhookEvent } from "./record-webhook-event";

export async function emitScorecardWebhooks(tx: Prisma.TransactionClient, orgId: string, scorecardId: string): Promise<void> {
  // Most organisations have no endpoint: one indexed look, and the submission pays nothing more.
  const listening = await tx.webhookEndpoint.findFirst({
    where: { orgId, disabledAt: null, events: { hasSome: ["scorecard.submitted", "interview.all_submitted"] } },
    select: { id: true },
  });
  if (!listening) return;
  const card = await tx.scorecard.findFirst({
    where: { id: scorecardId, orgId, status: "SUBMITTED", shadow: false },
    select: { recommendation: true, interview: { select: { id: true, status: true, stageId: true, candidate: { select: { id: true, vacancyId: true } } } } },
  });
  if (!card) return;
  const { interview } = card;
  const ids = { interviewId: interview.id, candidateId: interview.candidate.id, vacancyId: interview.candidate.vacancyId, stageId: interview.stageId };
  await recordWebhookEvent(tx, {
    orgId,
    type: "scorecard.submitted",
    resource: ["Scorecard", scorecardId],
    data: { scorecardId, ...ids, recommendation: card.recommendation },
  });
  // Completed now means this submission completed it: the interview could not be complete without it.
  if (interview.status === "COMPLETED") {
    await recordWebhookEvent(tx, { orgId, type: "interview.all_submitted", resource: ["Interview", interview.id], data: ids });
  }
}

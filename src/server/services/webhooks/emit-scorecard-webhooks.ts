// The webhook events of scoring, in the writing transaction: scorecard.submitted (a shadow's scorecard counts
// for nothing and sends nothing), and interview.all_submitted when syncInterviewCompletion completes an
// interview (the last counting panelist submitted, or the last pending seat was removed).
import type { Prisma } from "@/generated/prisma/client";
import { recordWebhookEvent } from "./record-webhook-event";

export async function emitScorecardWebhooks(tx: Prisma.TransactionClient, orgId: string, scorecardId: string): Promise<void> {
  // Most organisations have no endpoint: one indexed look, and the submission pays nothing more.
  const listening = await tx.webhookEndpoint.findFirst({
    where: { orgId, disabledAt: null, events: { has: "scorecard.submitted" } },
    select: { id: true },
  });
  if (!listening) return;
  const card = await tx.scorecard.findFirst({
    where: { id: scorecardId, orgId, status: "SUBMITTED", shadow: false },
    select: { recommendation: true, interviewId: true },
  });
  if (!card) return;
  await recordWebhookEvent(tx, {
    orgId,
    type: "scorecard.submitted",
    resource: ["Scorecard", scorecardId],
    data: { scorecardId, ...(await interviewIds(tx, card.interviewId)), recommendation: card.recommendation },
  });
}

export async function emitInterviewAllSubmitted(tx: Prisma.TransactionClient, orgId: string, interviewId: string): Promise<void> {
  await recordWebhookEvent(tx, { orgId, type: "interview.all_submitted", resource: ["Interview", interviewId], data: await interviewIds(tx, interviewId) });
}

async function interviewIds(tx: Prisma.TransactionClient, interviewId: string) {
  const interview = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: { stageId: true, candidate: { select: { id: true, vacancyId: true } } },
  });
  return { interviewId, candidateId: interview.candidate.id, vacancyId: interview.candidate.vacancyId, stageId: interview.stageId };
}

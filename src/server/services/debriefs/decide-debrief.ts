import { Prisma } from "@/generated/prisma/client";
import type { DecideDebriefInput } from "@/lib/schemas/debriefs";
import type { Db } from "@/server/db";
import { AppError, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { debriefStageId, loadDebrief, lockStage, requireChair, type DebriefContext } from "./_shared/debrief-context";
import { candidateRefusal } from "./_shared/messages";
import { touchDebrief } from "./_shared/notify-debrief";
import { applyOutcome, checkNextStage, checkOverride, checkRationale, decidedAtStage, rankingWithheldText } from "./_shared/outcome";
import { assertNoVersionProblem, loadStagePanel, scriptVersionProblem } from "./_shared/stage-panel";
import { competencyMeansAt, loadPlan, rankingAt, withheldFromRanking } from "./_shared/stage-scores";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";
import { checkStrandDeparture } from "@/server/services/strands/_shared/strand-departure";

type Tx = Prisma.TransactionClient;

/**
 * Records the debrief's outcome and closes it, in one transaction: the decision (with the mechanical score
 * and rank it was taken against, and whether it overrides the mechanical order), the candidate moved (next
 * stage, hired, reserve list or rejected) and the debrief locked. Decisions at one stage are taken one at a
 * time, so two chairs at once end with exactly one decision; the other is told which.
 */
export async function decideDebrief(db: Db, actor: Actor, input: DecideDebriefInput): Promise<{ decisionId: string; isOverride: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockStage(tx, await debriefStageId(tx, actor, input.debriefId));
      const debrief = await loadDebrief(tx, actor, input.debriefId, { lock: true });
      requireChair(debrief);
      if (debrief.status !== "OPEN") throw await alreadyDecided(tx, debrief);
      const name = debrief.candidateName;
      const refusal = candidateRefusal({ name, status: debrief.candidateStatus, erased: debrief.erased }, "a decision");
      if (refusal) throw refusal;
      if (debrief.candidateStatus === "HIRED" || debrief.candidateStatus === "REJECTED") {
        throw new AppError("CONFLICT", { key: debrief.candidateStatus === "HIRED" ? "debrief.alreadyHired" : "debrief.alreadyRejected", values: { name } });
      }
      if (debrief.currentStageId !== debrief.stageId) {
        throw new AppError("CONFLICT", { key: "debrief.noLongerAtStage", values: { name, stage: debrief.stageName } });
      }
      const stage = await loadStagePanel(tx, actor.orgId, debrief.candidateId, debrief.stageId);
      assertNoVersionProblem(await scriptVersionProblem(tx, { name: debrief.stageName, scriptVersionId: debrief.scriptVersionId }, name, stage.scriptVersionIds));

      const [plan, competencies] = await Promise.all([loadPlan(tx, debrief.vacancyId), competencyMeansAt(tx, actor.orgId, debrief.candidateId, debrief.stageId)]);
      // Checked against the whole ranking: refused while any of it is withheld from the chair (a pending seat).
      const [{ ranking }, withheld] = await Promise.all([
        rankingAt(tx, actor.orgId, debrief.vacancyId, plan, debrief.stageId),
        withheldFromRanking(tx, actor, plan, debrief.stageId),
      ]);
      const withheldText = await rankingWithheldText(tx, ranking, withheld);
      if (withheldText) throw new AppError("CONFLICT", withheldText);
      const next = checkNextStage(plan, { id: debrief.stageId, position: debrief.stagePosition }, input.outcome, input.nextStageId);
      checkRationale(input.rationale, competencies.filter((c) => c.weight > 0).map((c) => c.name));
      const decided = await decidedAtStage(tx, debrief.stageId, debrief.candidateId, ranking);
      const override = checkOverride({ id: debrief.candidateId, name }, input.outcome, input.overrideJustification, ranking, decided);
      const strandDepartureReason = await checkStrandDeparture(tx, { orgId: actor.orgId, stageId: debrief.stageId, candidateId: debrief.candidateId, outcome: input.outcome, reason: input.strandDepartureReason });

      const now = new Date();
      const decision = await tx.decision.create({
        data: {
          orgId: actor.orgId,
          debriefId: debrief.id,
          candidateId: debrief.candidateId,
          stageId: debrief.stageId,
          outcome: input.outcome,
          nextStageId: next?.id ?? null,
          rationale: input.rationale,
          isOverride: override.isOverride,
          overrideJustification: override.isOverride ? input.overrideJustification : null,
          strandDepartureReason,
          weightedScore: override.score,
          mechanicalRank: override.rank,
          rankedOf: override.rank === null ? null : override.rankedOf,
          decidedById: actor.userId,
          decidedAt: now,
        },
        select: { id: true },
      });
      await applyOutcome(tx, debrief.candidateId, { outcome: input.outcome, stageId: debrief.stageId, nextStageId: next?.id ?? null }, now);
      await tx.debrief.update({ where: { id: debrief.id }, data: { status: "CLOSED", closedAt: now } });
      await recordActorEvent(tx, actor, "debrief.decided", ["Debrief", debrief.id], {
        decisionId: decision.id,
        candidateId: debrief.candidateId,
        stageId: debrief.stageId,
        outcome: input.outcome,
        nextStageId: next?.id ?? null,
        isOverride: override.isOverride,
      });
      await recordWebhookEvent(tx, { orgId: actor.orgId, type: "decision.recorded", resource: ["Candidate", debrief.candidateId], data: { decisionId: decision.id, candidateId: debrief.candidateId, vacancyId: debrief.vacancyId, stageId: debrief.stageId, outcome: input.outcome } });
      await touchDebrief(tx, debrief.id);
      return { decisionId: decision.id, isOverride: override.isOverride };
    });
  } catch (error) {
    // The unique debrief key is the last guard: should two decisions ever race past the lock, one stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const debrief = await loadDebrief(db, actor, input.debriefId);
      throw await alreadyDecided(db, debrief);
    }
    throw error;
  }
}

/** The refusal naming the decision already recorded. */
async function alreadyDecided(db: Pick<Tx, "decision">, debrief: DebriefContext): Promise<AppError> {
  const recorded = await db.decision.findUnique({
    where: { debriefId: debrief.id },
    select: { outcome: true, decidedAt: true, nextStage: { select: { name: true } }, decidedBy: { select: { name: true } } },
  });
  if (!recorded) return new AppError("CONFLICT", { key: "debrief.closedLocked" });
  const nextStage = recorded.nextStage?.name;
  const outcome: ErrorText =
    recorded.outcome === "ADVANCE" && nextStage ? { key: "debrief.summary.advanceTo", values: { stage: nextStage } } : { key: `debrief.summary.${recorded.outcome}` };
  const values = { name: debrief.candidateName, stage: debrief.stageName, outcome };
  return new AppError(
    "CONFLICT",
    recorded.decidedBy ? { key: "debrief.alreadyDecidedBy", values: { ...values, by: recorded.decidedBy.name } } : { key: "debrief.alreadyDecided", values },
  );
}

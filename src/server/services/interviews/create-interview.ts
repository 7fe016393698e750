import type { CreateInterviewInput } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { notifyPanel } from "./_shared/notify-panel";
import { assertPanelMembers } from "./_shared/panel-rules";
import { schedulableStage } from "./_shared/stage-rules";
import { checkPanelReadiness } from "@/server/services/training/readiness-rules";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";
import { copyStageStrands } from "@/server/services/strands/_shared/panel-strands";

/**
 * Schedules a candidate's interview at a stage of their vacancy's plan (their current stage unless another
 * is chosen), on the stage's published script version, with the panel chosen or else the stage's default.
 * On a script that requires practice, unready panelists are refused or come back as warnings.
 */
export async function createInterview(db: Db, actor: Actor, input: CreateInterviewInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: { id: true, anonymizedAt: true, vacancyId: true, stageId: true, vacancy: { select: { title: true } } },
    });
    if (!candidate) throw notFound("Candidate");
    if (candidate.anonymizedAt) {
      throw new AppError("CONFLICT", { key: "interview.candidateErased" }, "candidateId");
    }
    const stage = await schedulableStage(tx, actor.orgId, candidate, input.stageId);
    const panelUserIds = input.panelUserIds ?? stage.panelUserIds;
    if (panelUserIds.length === 0) {
      throw new AppError("BAD_REQUEST", { key: "interview.noDefaultPanel", values: { stage: stage.name } }, "panelUserIds");
    }
    await assertPanelMembers(tx, actor.orgId, panelUserIds);
    const warnings = await checkPanelReadiness(tx, actor, stage.scriptVersionId, panelUserIds, "panelUserIds");
    const interview = await tx.interview.create({
      data: {
        orgId: actor.orgId,
        candidateId: candidate.id,
        stageId: stage.id,
        scriptVersionId: stage.scriptVersionId,
        scheduledAt: input.scheduledAt,
        location: input.location?.trim() ?? "",
        panel: { createMany: { data: panelUserIds.map((userId) => ({ userId })) } },
      },
      select: { id: true },
    });
    await copyStageStrands(tx, interview.id, stage.id);
    await recordActorEvent(tx, actor, "interview.scheduled", ["Interview", interview.id], {
      candidateId: candidate.id,
      stageId: stage.id,
      scriptVersionId: stage.scriptVersionId,
      scheduledAt: input.scheduledAt.toISOString(),
      panel: panelUserIds,
    });
    await recordWebhookEvent(tx, { orgId: actor.orgId, type: "interview.scheduled", resource: ["Interview", interview.id], data: { interviewId: interview.id, candidateId: candidate.id, vacancyId: candidate.vacancyId, stageId: stage.id } });
    await notifyPanel(tx, actor, interview.id, panelUserIds, "added-to-panel");
    return { id: interview.id, warnings };
  });
}

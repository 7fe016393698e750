import type { CreateInterviewInput } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { notifyPanel } from "./_shared/notify-panel";
import { assertPanelMembers, assertUsableScriptVersion } from "./_shared/panel-rules";

/** Schedules a candidate's interview with one exact published script version and a panel of members. */
export async function createInterview(db: Db, actor: Actor, input: CreateInterviewInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: { id: true, anonymizedAt: true },
    });
    if (!candidate) throw notFound("Candidate");
    if (candidate.anonymizedAt) {
      throw new AppError("CONFLICT", "This candidate's personal data was erased; they can't be interviewed again.", "candidateId");
    }
    await assertUsableScriptVersion(tx, actor.orgId, input.scriptVersionId);
    await assertPanelMembers(tx, actor.orgId, input.panelUserIds);
    const interview = await tx.interview.create({
      data: {
        orgId: actor.orgId,
        candidateId: candidate.id,
        scriptVersionId: input.scriptVersionId,
        scheduledAt: input.scheduledAt,
        location: input.location?.trim() ?? "",
        panel: { createMany: { data: input.panelUserIds.map((userId) => ({ userId })) } },
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "interview.scheduled", ["Interview", interview.id], {
      candidateId: candidate.id,
      scriptVersionId: input.scriptVersionId,
      scheduledAt: input.scheduledAt.toISOString(),
      panel: input.panelUserIds,
    });
    await notifyPanel(tx, actor, interview.id, input.panelUserIds, "added-to-panel");
    return { id: interview.id };
  });
}

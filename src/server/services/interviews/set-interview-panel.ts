import type { SetPanelInput } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { erasedInterview } from "./_shared/erased-interview";
import { notifyPanel } from "./_shared/notify-panel";
import { assertPanelMembers } from "./_shared/panel-rules";
import { syncInterviewCompletion } from "./_shared/sync-interview-completion";
import { checkPanelReadiness } from "@/server/services/training/readiness-rules";

/**
 * Replaces the panel. Someone who has rated anything or submitted keeps their seat: removing them would
 * throw away their independent judgement (and the scorecard that records it). On a script that requires
 * practice, someone added who is not ready is refused or comes back as a warning (the organisation's mode).
 */
export async function setInterviewPanel(db: Db, actor: Actor, input: SetPanelInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const interview = await tx.interview.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, scriptVersionId: true, panel: { select: { userId: true } }, candidate: { select: { anonymizedAt: true } } },
    });
    if (!interview) throw notFound("Interview");
    if (interview.candidate.anonymizedAt) throw erasedInterview();
    const current = new Set(interview.panel.map((p) => p.userId));
    const wanted = new Set(input.userIds);
    const removed = [...current].filter((id) => !wanted.has(id));
    const added = input.userIds.filter((id) => !current.has(id));

    if (removed.length) {
      const scored = await tx.scorecard.findFirst({
        where: {
          interviewId: interview.id,
          panelistId: { in: removed },
          OR: [{ status: "SUBMITTED" }, { ratings: { some: {} } }, { notes: { some: {} } }, { recommendation: { not: null } }],
        },
        select: { status: true, panelist: { select: { name: true } } },
      });
      if (scored) {
        const what = scored.status === "SUBMITTED" ? "has submitted a scorecard" : "has started scoring";
        throw new AppError(
          "CONFLICT",
          `${scored.panelist.name} ${what} for this interview, so they stay on the panel.`,
          "userIds",
        );
      }
    }
    if (added.length) await assertPanelMembers(tx, actor.orgId, added);
    const warnings = await checkPanelReadiness(tx, actor, interview.scriptVersionId, added, "userIds");

    await tx.panelMember.deleteMany({ where: { interviewId: interview.id, userId: { in: removed } } });
    await tx.panelMember.createMany({ data: added.map((userId) => ({ interviewId: interview.id, userId })) });
    // An empty, unrated draft of a removed panelist is just a placeholder; don't leave it behind.
    if (removed.length) {
      await tx.scorecard.deleteMany({ where: { interviewId: interview.id, panelistId: { in: removed } } });
    }
    await syncInterviewCompletion(tx, interview.id);
    await recordActorEvent(tx, actor, "interview.panel_changed", ["Interview", interview.id], { added, removed });
    await notifyPanel(tx, actor, interview.id, added, "added-to-panel");
    return { id: interview.id, userIds: input.userIds, warnings };
  });
}

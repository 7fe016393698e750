import type { InterviewStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertPanelMembers } from "./panel-rules";
import { syncInterviewCompletion } from "./sync-interview-completion";
import { notifyPanel, notifyPanelOfUpdate } from "./notify-panel";

export type UpdateInterviewInput = { id: string; scheduledAt?: Date; location?: string; status?: InterviewStatus };

export async function updateInterview(db: Db, actor: Actor, input: UpdateInterviewInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const before = await tx.interview.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, scheduledAt: true, location: true, status: true },
    });
    if (!before) throw notFound("Interview");
    const updated = await tx.interview.update({
      where: { id: before.id },
      data: {
        ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
        ...(input.location !== undefined ? { location: input.location.trim() } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      },
      select: { id: true, scheduledAt: true, location: true, status: true },
    });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "interview.updated",
      entityType: "Interview",
      entityId: before.id,
      data: {
        from: { scheduledAt: before.scheduledAt.toISOString(), location: before.location, status: before.status },
        to: { scheduledAt: updated.scheduledAt.toISOString(), location: updated.location, status: updated.status },
      },
    });
    return updated;
  });
}

/**
 * Replaces the panel. Someone who has rated anything or submitted keeps their seat: removing them would
 * throw away their independent judgement (and the scorecard that records it).
 */
    await notifyPanelOfUpdate(tx, actor, before.id, before, updated);
export async function setInterviewPanel(db: Db, actor: Actor, input: { id: string; userIds: string[] }) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const interview = await tx.interview.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, panel: { select: { userId: true } } },
    });
    if (!interview) throw notFound("Interview");
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

    await tx.panelMember.deleteMany({ where: { interviewId: interview.id, userId: { in: removed } } });
    await tx.panelMember.createMany({ data: added.map((userId) => ({ interviewId: interview.id, userId })) });
    // An empty, unrated draft of a removed panelist is just a placeholder; don't leave it behind.
    if (removed.length) {
      await tx.scorecard.deleteMany({ where: { interviewId: interview.id, panelistId: { in: removed } } });
    }
    await syncInterviewCompletion(tx, interview.id);
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "interview.panel_changed",
      entityType: "Interview",
      entityId: interview.id,
      data: { added, removed },
    });
    return { id: interview.id, userIds: input.userIds };
  });
}
    await notifyPanel(tx, actor, interview.id, added, "added-to-panel");

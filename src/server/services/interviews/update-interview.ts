import type { UpdateInterviewInput } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { erasedInterview } from "./_shared/erased-interview";
import { notifyPanelOfUpdate, panelNotificationFor } from "./_shared/notify-panel";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";
import { lockForUpdate, refuseIfChangedSince, type WritePrecondition } from "@/server/services/_shared/lock-for-update";

/**
 * Changes an interview's time, place or status, and tells the panel when it moved or was cancelled. The row
 * is locked first, so `precondition` (the REST API's If-Match) and `baseUpdatedAt` (the app's form) are checked
 * against the state this replaces.
 */
export async function updateInterview(db: Db, actor: Actor, input: UpdateInterviewInput, precondition?: WritePrecondition) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    await lockForUpdate(tx, "Interview", { id: input.id, orgId: actor.orgId }, precondition);
    const before = await tx.interview.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, scheduledAt: true, location: true, status: true, updatedAt: true, candidate: { select: { anonymizedAt: true } } },
    });
    if (!before) throw notFound("Interview");
    if (before.candidate.anonymizedAt) throw erasedInterview();
    refuseIfChangedSince(input.baseUpdatedAt, before.updatedAt, { key: "interview.changedElsewhere" });
    const next = {
      scheduledAt: input.scheduledAt ?? before.scheduledAt,
      location: input.location !== undefined ? input.location.trim() : before.location,
      status: input.status ?? before.status,
    };
    // Every change the panel's calendars must hear of raises the event's SEQUENCE, in this transaction.
    const calendarChanged = panelNotificationFor(before, next) !== null;
    const moved = next.scheduledAt.getTime() !== before.scheduledAt.getTime();
    const updated = await tx.interview.update({
      where: { id: before.id },
      data: {
        ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
        ...(input.location !== undefined ? { location: input.location.trim() } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(calendarChanged ? { calendarSequence: { increment: 1 } } : {}),
      },
      select: { id: true, scheduledAt: true, location: true, status: true },
    });
    // Reminders before the interview were about the old time: the new time gets its own.
    if (moved) {
      await tx.panelMember.updateMany({ where: { interviewId: before.id }, data: { dayBeforeReminderAt: null, hourBeforeReminderAt: null } });
    }
    // The place is free text (an erasure must be able to remove it, and audit rows can't change): its
    // field name is recorded, never its value.
    await recordActorEvent(tx, actor, "interview.updated", ["Interview", before.id], {
      from: { scheduledAt: before.scheduledAt.toISOString(), status: before.status },
      to: { scheduledAt: updated.scheduledAt.toISOString(), status: updated.status },
      changed: (["scheduledAt", "location", "status"] as const).filter((key) => String(before[key]) !== String(updated[key])),
    });
    if (updated.status === "CANCELLED" && before.status !== "CANCELLED") await recordWebhookEvent(tx, { orgId: actor.orgId, type: "interview.cancelled", resource: ["Interview", before.id], data: { interviewId: before.id } });
    await notifyPanelOfUpdate(tx, actor, before.id, before, updated);
    return updated;
  });
}

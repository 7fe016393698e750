// Emails the panel about their interview: being added, a change of time or place, a cancellation. Queued in
// the caller's transaction (nothing goes out for a change that rolled back); the person making the change
// is not emailed about it. Does nothing when email is not configured.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/services/actor";
import { queueNotification } from "@/server/jobs/send-email-job";

type Kind = "added-to-panel" | "interview-changed" | "interview-cancelled" | "removed-from-panel";

export async function notifyPanel(tx: Prisma.TransactionClient, actor: Actor, interviewId: string, userIds: string[], kind: Kind) {
  for (const userId of userIds) {
    if (userId === actor.userId) continue;
    await queueNotification(tx, { kind, orgId: actor.orgId, interviewId, userId });
  }
}

type InterviewState = { scheduledAt: Date; location: string; status: string };

/** Which notification a change from `before` to `after` calls for, if any. */
export function panelNotificationFor(before: InterviewState, after: InterviewState): Kind | null {
  if (after.status === "CANCELLED") return before.status === "CANCELLED" ? null : "interview-cancelled";
  if (after.status === "COMPLETED") return null;
  // Reinstated: the panel's calendars had it cancelled, so they get the event again.
  if (before.status === "CANCELLED") return "interview-changed";
  const moved = before.scheduledAt.getTime() !== after.scheduledAt.getTime() || before.location !== after.location;
  return moved ? "interview-changed" : null;
}

/** After an update: tells the current panel when the interview moved or was cancelled. */
export async function notifyPanelOfUpdate(tx: Prisma.TransactionClient, actor: Actor, interviewId: string, before: InterviewState, after: InterviewState) {
  const kind = panelNotificationFor(before, after);
  if (!kind) return;
  const panel = await tx.panelMember.findMany({ where: { interviewId }, select: { userId: true } });
  await notifyPanel(tx, actor, interviewId, panel.map((p) => p.userId), kind);
}

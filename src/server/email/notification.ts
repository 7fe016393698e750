// What a notification job carries: ids only (plus an invitation's token, which exists nowhere else), so the
// queue holds no personal data; the email is rendered from the database when it is sent.
import { z } from "zod";

const seat = { orgId: z.string(), interviewId: z.string(), userId: z.string() };

export const notificationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("invitation"), orgId: z.string(), invitationId: z.string(), token: z.string() }),
  z.object({ kind: z.literal("added-to-panel"), ...seat }),
  z.object({ kind: z.literal("interview-changed"), ...seat }),
  z.object({ kind: z.literal("interview-cancelled"), ...seat }),
  z.object({ kind: z.literal("scorecard-overdue"), ...seat }),
  // Calendar invitations and reminders: a panelist taken off a panel (their event is cancelled), the reminders
  // the day and the hour before, and an overdue scorecard escalated to a hiring manager (managerId).
  z.object({ kind: z.literal("removed-from-panel"), ...seat }),
  z.object({ kind: z.literal("interview-reminder"), ...seat, before: z.enum(["day", "hour"]) }),
  z.object({ kind: z.literal("scorecard-escalation"), ...seat, managerId: z.string() }),
  // A practice refresher suggested when a panelist's live ratings drifted (PracticeRefresher).
  z.object({ kind: z.literal("practice-refresher"), orgId: z.string(), userId: z.string(), refresherId: z.string() }),
  // A candidate's link to the voluntary equal-opportunities form (the token exists nowhere else).
  z.object({ kind: z.literal("monitoring-invite"), orgId: z.string(), inviteId: z.string(), token: z.string() }),
  // A lay panelist's personal scoring link (LayPanelistLink; the token exists nowhere else, the code is never sent).
  z.object({ kind: z.literal("lay-link"), orgId: z.string(), linkId: z.string(), token: z.string() }),
]);

export type Notification = z.infer<typeof notificationSchema>;

/**
 * The notification's identity: one queued job per key, and the Message-ID of the email, so a receiving
 * server (and the tests) can tell a resend from a second notification.
 */
export function notificationKey(n: Notification): string {
  if (n.kind === "invitation") return `invitation:${n.invitationId}`;
  if (n.kind === "practice-refresher") return `practice-refresher:${n.refresherId}`;
  if (n.kind === "monitoring-invite") return `monitoring-invite:${n.inviteId}`;
  if (n.kind === "lay-link") return `lay-link:${n.linkId}`;
  if (n.kind === "interview-reminder") return `interview-reminder:${n.before}:${n.interviewId}:${n.userId}`;
  if (n.kind === "scorecard-escalation") return `scorecard-escalation:${n.interviewId}:${n.userId}:${n.managerId}`;
  return `${n.kind}:${n.interviewId}:${n.userId}`;
}

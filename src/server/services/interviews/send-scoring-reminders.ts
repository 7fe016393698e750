// Emails panelists whose scorecard is still not submitted some hours after their interview ended (the
// app flags these in My interviews whether or not email is set up). Each panelist gets one reminder per
// interview: the reminder is claimed with a conditional update, so several app instances never send twice.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { REMINDER_HOURS } from "./my-interviews";

export type ScoringReminder = { to: string; panelistName: string; candidateName: string; scheduledAt: Date; link: string };

/** Interviews older than this are never reminded about (say, right after email is first configured). */
const LOOK_BACK_DAYS = 14;

export async function sendScoringReminders(
  db: Db,
  options: { baseUrl: string; send: (reminder: ScoringReminder) => Promise<boolean> },
): Promise<{ sent: number; failed: number }> {
  const due = await db.$queryRaw<{ interviewId: string; userId: string }[]>`
    UPDATE "PanelMember" pm SET "reminderSentAt" = now() AT TIME ZONE 'UTC'
    FROM "Interview" i JOIN "ScriptVersion" v ON v.id = i."scriptVersionId"
    WHERE pm."interviewId" = i.id
      AND pm."reminderSentAt" IS NULL
      AND i.status <> 'CANCELLED'
      AND i."scheduledAt" + make_interval(mins => v."plannedMinutes", hours => ${REMINDER_HOURS}::int) < now() AT TIME ZONE 'UTC'
      AND i."scheduledAt" > now() AT TIME ZONE 'UTC' - make_interval(days => ${LOOK_BACK_DAYS}::int)
      AND NOT EXISTS (
        SELECT 1 FROM "Scorecard" s
        WHERE s."interviewId" = i.id AND s."panelistId" = pm."userId" AND s.status = 'SUBMITTED')
    RETURNING pm."interviewId", pm."userId"`;
  if (due.length === 0) return { sent: 0, failed: 0 };

  const seats = await db.panelMember.findMany({
    where: { OR: due.map((d) => ({ interviewId: d.interviewId, userId: d.userId })) },
    select: {
      interviewId: true,
      userId: true,
      user: { select: { email: true, name: true } },
      interview: { select: { scheduledAt: true, candidate: { select: { name: true } } } },
    },
  });
  let sent = 0;
  let failed = 0;
  for (const seat of seats) {
    const ok = await options
      .send({
        to: seat.user.email,
        panelistName: seat.user.name,
        candidateName: seat.interview.candidate.name,
        scheduledAt: seat.interview.scheduledAt,
        link: `${options.baseUrl.replace(/\/$/, "")}/interviews/${seat.interviewId}/score`,
      })
      .catch(() => false);
    if (ok) {
      sent++;
    } else {
      failed++;
      // Not sent: let a later run try again.
      await db.$executeRaw(
        Prisma.sql`UPDATE "PanelMember" SET "reminderSentAt" = NULL WHERE "interviewId" = ${seat.interviewId} AND "userId" = ${seat.userId}`,
      );
    }
  }
  return { sent, failed };
}

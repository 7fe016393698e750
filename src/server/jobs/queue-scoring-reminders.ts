// Queues reminder emails to panelists whose scorecard is still not submitted some hours after their
// interview ended (the app flags these in My interviews whether or not email is set up). Each panelist gets
// one reminder per interview: the reminder is claimed with a conditional update and its email queued in the
// same transaction, so several app instances never both queue it, and a queued email is never lost.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { REMINDER_HOURS } from "@/server/services/interviews/_shared/reminder-due";

export type ReminderSeat = { orgId: string; interviewId: string; userId: string };

/** Interviews older than this are never reminded about (say, right after email is first configured). */
const LOOK_BACK_DAYS = 14;

export async function queueScoringReminders(
  db: Db,
  queue: (tx: Prisma.TransactionClient, seat: ReminderSeat) => Promise<unknown>,
): Promise<{ queued: number }> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<ReminderSeat[]>`
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
      RETURNING i."orgId", pm."interviewId", pm."userId"`;
    for (const seat of due) await queue(tx, seat);
    return { queued: due.length };
  });
}

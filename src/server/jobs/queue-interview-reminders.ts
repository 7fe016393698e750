// Queues the reminders around an interview (organisation settings): the day before (sent from 24 hours to
// an hour before) and the hour before, to each counting panelist of a scheduled interview, once each; and
// an overdue scorecard escalated to the vacancy's hiring managers (or the script's author when the vacancy
// has none) once overdueEscalationHours have passed since the panelist's own reminder, once per seat. As
// with the scoring reminders, each is claimed with a conditional UPDATE and its emails queued in the same
// transaction: several app instances never both queue one, and a claimed reminder's email is never lost.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Notification } from "@/server/email/notification";
import { checkedRows } from "@/server/services/_shared/checked-rows";

type Queue = (tx: Prisma.TransactionClient, notification: Notification) => Promise<unknown>;

const seatRow = z.object({ orgId: z.string(), interviewId: z.string(), userId: z.string() });

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

function claimBefore(tx: Prisma.TransactionClient, before: "day" | "hour") {
  const [column, setting, from, to] =
    before === "day"
      ? [Prisma.sql`"dayBeforeReminderAt"`, Prisma.sql`o."reminderDayBefore"`, Prisma.sql`interval '1 hour'`, Prisma.sql`interval '24 hours'`]
      : [Prisma.sql`"hourBeforeReminderAt"`, Prisma.sql`o."reminderHourBefore"`, Prisma.sql`interval '0 hours'`, Prisma.sql`interval '1 hour'`];
  return tx.$queryRaw(Prisma.sql`
    UPDATE "PanelMember" pm SET ${column} = ${NOW}
    FROM "Interview" i JOIN "Organization" o ON o.id = i."orgId"
    WHERE pm."interviewId" = i.id
      AND pm.${column} IS NULL
      AND NOT pm.shadow
      AND ${setting}
      AND i.status = 'SCHEDULED'
      AND i."scheduledAt" > ${NOW} + ${from}
      AND i."scheduledAt" <= ${NOW} + ${to}
    RETURNING i."orgId", pm."interviewId", pm."userId"`);
}

function claimEscalations(tx: Prisma.TransactionClient) {
  return tx.$queryRaw(Prisma.sql`
    UPDATE "PanelMember" pm SET "escalatedAt" = ${NOW}
    FROM "Interview" i JOIN "Organization" o ON o.id = i."orgId"
    WHERE pm."interviewId" = i.id
      AND pm."escalatedAt" IS NULL
      AND NOT pm.shadow
      AND pm."reminderSentAt" IS NOT NULL
      AND pm."reminderSentAt" + make_interval(hours => o."overdueEscalationHours") < ${NOW}
      AND i.status <> 'CANCELLED'
      AND NOT EXISTS (
        SELECT 1 FROM "Scorecard" s
        WHERE s."interviewId" = i.id AND s."panelistId" = pm."userId" AND s.status = 'SUBMITTED')
    RETURNING i."orgId", pm."interviewId", pm."userId"`);
}

/** Who hears of a seat's overdue scorecard: the vacancy's managers who are members, else the script's author. */
async function escalationRecipients(tx: Prisma.TransactionClient, seat: z.infer<typeof seatRow>): Promise<string[]> {
  const managers = await tx.vacancyManager.findMany({
    where: { vacancy: { orgId: seat.orgId, candidates: { some: { interviews: { some: { id: seat.interviewId } } } } }, user: { memberships: { some: { orgId: seat.orgId } } } },
    select: { userId: true },
  });
  let ids = managers.map((m) => m.userId);
  if (ids.length === 0) {
    const interview = await tx.interview.findUnique({
      where: { id: seat.interviewId },
      select: { scriptVersion: { select: { script: { select: { createdById: true, createdBy: { select: { memberships: { where: { orgId: seat.orgId }, select: { id: true } } } } } } } } },
    });
    const script = interview?.scriptVersion.script;
    ids = script?.createdById && script.createdBy?.memberships.length ? [script.createdById] : [];
  }
  // A manager who is the late panelist needs no email about themselves.
  return ids.filter((id) => id !== seat.userId);
}

export async function queueInterviewReminders(db: Db, queue: Queue): Promise<{ dayBefore: number; hourBefore: number; escalated: number }> {
  return db.$transaction(async (tx) => {
    const counts = { dayBefore: 0, hourBefore: 0, escalated: 0 };
    for (const before of ["day", "hour"] as const) {
      const seats = checkedRows(seatRow, await claimBefore(tx, before));
      for (const seat of seats) await queue(tx, { kind: "interview-reminder", ...seat, before });
      counts[before === "day" ? "dayBefore" : "hourBefore"] = seats.length;
    }
    const overdue = checkedRows(seatRow, await claimEscalations(tx));
    for (const seat of overdue) {
      for (const managerId of await escalationRecipients(tx, seat)) {
        await queue(tx, { kind: "scorecard-escalation", ...seat, managerId });
        counts.escalated += 1;
      }
    }
    return counts;
  });
}

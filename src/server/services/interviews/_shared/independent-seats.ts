// Seating someone on a panel that has started submitting. A rating is independent only if its author had not
// read the panel's before writing it: whoever could already read a submitted scorecard of the interview
// without a seat (HR, admins, the candidate's hiring manager: the role's off-panel scope) would score having
// seen the others, or could leave their own seat, read, and come back. Decided by the visibility rule itself
// (src/server/access/scorecard-visibility.ts), asked for an Actor with the member's role.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import { AppError, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";

type Tx = Prisma.TransactionClient;

const idRowSchema = z.object({ id: z.string() });

/**
 * The first of `userIds` (in their order) who, not seated on the interview, may read a submitted scorecard of
 * another panelist of it, or null. Someone without a membership of the organisation (a lay panelist) has no
 * role and reads nothing. Run it with the interview's row locked (a submit locks the row too, in
 * syncInterviewCompletion), before the seats are made, so no submission can come in between.
 */
export async function firstWhoCanAlreadyRead(
  tx: Tx,
  orgId: string,
  interviewId: string,
  userIds: readonly string[],
): Promise<{ userId: string; name: string } | null> {
  if (userIds.length === 0) return null;
  // Nothing submitted, nothing anyone could have read: the usual case, answered with one lookup.
  const submitted = await tx.scorecard.findFirst({ where: { interviewId, orgId, status: "SUBMITTED" }, select: { id: true } });
  if (!submitted) return null;
  const memberships = await tx.membership.findMany({
    where: { orgId, userId: { in: [...userIds] } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byUser = new Map(memberships.map((m) => [m.userId, m]));
  for (const userId of userIds) {
    const membership = byUser.get(userId);
    if (!membership) continue;
    const actor: Actor = { userId, orgId, role: membership.role };
    const raw = await tx.$queryRaw`
      SELECT sc."id" FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      WHERE sc."interviewId" = ${interviewId} AND i."orgId" = ${orgId}
        AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND sc."panelistId" <> ${userId}
        AND ${scorecardVisibleTo(actor)}
      LIMIT 1`;
    if (checkedRows(idRowSchema, raw).length > 0) return { userId, name: membership.user.name };
  }
  return null;
}

/** Why someone is not seated: they can already read this panel's submitted scorecards. */
export const seatNotIndependent = (name: string): ErrorText => ({ key: "interview.seatNotIndependent", values: { name } });

/**
 * Refuses (CONFLICT, naming them) to seat anyone of `userIds` who can already read this interview's submitted
 * scorecards without a seat. Interviewers, and managers whose candidate this is not, can still join late.
 */
export async function refuseSeatsNotIndependent(tx: Tx, orgId: string, interviewId: string, userIds: readonly string[], field?: string) {
  const reader = await firstWhoCanAlreadyRead(tx, orgId, interviewId, userIds);
  if (reader) throw new AppError("CONFLICT", seatNotIndependent(reader.name), field);
}

// A lay panelist's seat on an interview of the actor's organisation, or NOT_FOUND (members are managed on
// the panel itself; this is only for account-less panelists).
import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

export async function findLaySeat(tx: Prisma.TransactionClient, actor: Actor, ref: { interviewId: string; userId: string }) {
  const seat = await tx.panelMember.findFirst({
    where: { interviewId: ref.interviewId, userId: ref.userId, interview: { orgId: actor.orgId }, user: { layOrgId: actor.orgId } },
    select: {
      user: { select: { id: true, name: true } },
      interview: { select: { id: true, scheduledAt: true, status: true, candidate: { select: { anonymizedAt: true } } } },
    },
  });
  if (!seat || seat.interview.candidate.anonymizedAt) throw notFound("Panelist");
  return seat;
}

/** Ends every live link of the seat; true when one was live. */
export async function revokeLiveLinks(tx: Prisma.TransactionClient, ref: { interviewId: string; userId: string }): Promise<boolean> {
  const { count } = await tx.layPanelistLink.updateMany({
    where: { interviewId: ref.interviewId, userId: ref.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  // Every session opened through those links ends with them.
  await tx.user.update({ where: { id: ref.userId }, data: { sessionVersion: { increment: 1 } } });
  return count > 0;
}

// The account-less panelists of an interview with the state of their latest link, for the panel manager.
import type { LayLinkStatus } from "@/lib/schemas/lay-panelists";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";

export function linkStatus(link: { revokedAt: Date | null; expiresAt: Date; lockedUntil: Date | null }, now = new Date()): LayLinkStatus {
  if (link.revokedAt) return "REVOKED";
  if (link.expiresAt <= now) return "EXPIRED";
  if (link.lockedUntil && link.lockedUntil > now) return "LOCKED";
  return "ACTIVE";
}

export async function listLayPanelists(db: Db, actor: Actor, input: { interviewId: string }) {
  requirePermission(actor, "interviews:write");
  const interview = await db.interview.findFirst({ where: { id: input.interviewId, orgId: actor.orgId }, select: { id: true } });
  if (!interview) throw notFound("Interview");
  const seats = await db.panelMember.findMany({
    where: { interviewId: interview.id, user: { layOrgId: actor.orgId } },
    orderBy: { addedAt: "asc" },
    select: {
      strand: true,
      user: {
        select: {
          id: true,
          name: true,
          layLinks: {
            where: { interviewId: interview.id },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { contactEmail: true, revokedAt: true, expiresAt: true, lockedUntil: true, deviceHash: true, lastUsedAt: true },
          },
        },
      },
    },
  });
  return seats.flatMap(({ strand, user }) => {
    const link = user.layLinks[0];
    if (!link) return [];
    return [{
      userId: user.id,
      name: user.name,
      strand,
      contactEmail: link.contactEmail,
      status: linkStatus(link),
      deviceBound: link.deviceHash !== null,
      expiresAt: link.expiresAt,
      lastUsedAt: link.lastUsedAt,
    }];
  });
}

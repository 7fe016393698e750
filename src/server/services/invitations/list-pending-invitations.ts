// The organisation's invitations nobody has accepted or withdrawn yet, expired ones included so that an
// admin can send them again.
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

const LIST_LIMIT = 200;

export async function listPendingInvitations(db: Db, actor: Actor) {
  requirePermission(actor, "members:manage");
  const invitations = await db.invitation.findMany({
    where: { orgId: actor.orgId, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
      interview: { select: { id: true, scheduledAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  return invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    invitedByName: i.invitedBy?.name ?? null,
    interview: i.interview,
  }));
}

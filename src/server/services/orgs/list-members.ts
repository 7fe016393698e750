import type { Db } from "@/server/db";
import { userIdentitySelect } from "./_shared/selects";
import { requirePermission, type Actor } from "@/server/services/actor";

export async function listMembers(db: Db, actor: Actor) {
  requirePermission(actor, "members:read");
  const members = await db.membership.findMany({
    where: { orgId: actor.orgId },
    select: { id: true, role: true, createdAt: true, user: { select: userIdentitySelect } },
    orderBy: [{ user: { name: "asc" } }],
  });
  return members.map((m) => ({ membershipId: m.id, role: m.role, since: m.createdAt, ...m.user, userId: m.user.id }));
}

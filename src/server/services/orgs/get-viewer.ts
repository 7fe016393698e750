import type { Db } from "@/server/db";
import { userIdentitySelect } from "./_shared/selects";
import type { Actor } from "@/server/services/actor";

/** What the app shell shows: who you are, where you act and what else you could switch to. */
export async function getViewer(db: Db, actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: userIdentitySelect });
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, org: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const current = memberships.find((m) => m.org.id === actor.orgId);
  return {
    user,
    organization: current ? { ...current.org, role: current.role } : null,
    organizations: memberships.map((m) => ({ ...m.org, role: m.role })),
  };
}

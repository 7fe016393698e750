import type { ScimSettings } from "@/lib/schemas/scim";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";
import { scimBaseUrl } from "./_shared/scim-base-url";

/** What the SCIM settings show: the base URL, the tokens (never their secrets) and the pushed groups with their roles. */
export async function getScimSettings(db: Db, actor: Actor): Promise<ScimSettings> {
  requirePermission(actor, "org:settings");
  const [tokens, groups, provisionedUsers] = await Promise.all([
    db.scimToken.findMany({
      where: { orgId: actor.orgId },
      select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      take: 20,
    }),
    db.scimGroup
      .findMany({ where: { orgId: actor.orgId }, select: { id: true, displayName: true, role: true }, orderBy: { displayName: "asc" } })
      .then(async (groups) => {
        // Grouped from these groups' members only, not with a relation _count (see countsBy).
        const members = await db.scimGroupMember.groupBy({ by: ["groupId"], where: { groupId: { in: groups.map((g) => g.id) } }, _count: { _all: true } });
        const membersOf = countsBy(members, "groupId");
        return groups.map((group) => ({ ...group, members: membersOf(group.id) }));
      }),
    db.scimUser.count({ where: { orgId: actor.orgId } }),
  ]);
  return {
    baseUrl: scimBaseUrl(),
    tokens,
    groups,
    provisionedUsers,
  };
}

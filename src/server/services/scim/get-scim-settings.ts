import type { ScimSettings } from "@/lib/schemas/scim";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
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
    db.scimGroup.findMany({
      where: { orgId: actor.orgId },
      select: { id: true, displayName: true, role: true, _count: { select: { members: true } } },
      orderBy: { displayName: "asc" },
    }),
    db.scimUser.count({ where: { orgId: actor.orgId } }),
  ]);
  return {
    baseUrl: scimBaseUrl(),
    tokens,
    groups: groups.map(({ _count, ...group }) => ({ ...group, members: _count.members })),
    provisionedUsers,
  };
}

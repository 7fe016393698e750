import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** The organisation's keys, newest first, revoked ones included (they explain past requests in the audit log). */
export async function listApiKeys(db: Db, actor: Actor) {
  requirePermission(actor, "org:settings");
  const keys = await db.apiKey.findMany({
    where: { orgId: actor.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return keys.map(({ createdBy, ...key }) => ({ ...key, createdByName: createdBy.name }));
}

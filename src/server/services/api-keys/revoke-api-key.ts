import type { RevokeApiKeyInput } from "@/lib/schemas/api-keys";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/** Ends a key at once (every later request with it is 401). Revoking a revoked key keeps its first time. */
export async function revokeApiKey(db: Db, actor: Actor, input: RevokeApiKeyInput) {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.id, orgId: actor.orgId }, select: { id: true, prefix: true, revokedAt: true } });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await recordActorEvent(tx, actor, "api_key.revoked", ["ApiKey", key.id], { prefix: key.prefix });
    return { id: revoked.id, revokedAt: revoked.revokedAt! };
  });
}

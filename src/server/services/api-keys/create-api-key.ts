import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { newApiKey } from "./_shared/api-key-secret";

/**
 * A new key for the organisation, acting for its creator within `scopes`. The whole key is returned this
 * once; only its hash is kept. The audit records the key's name, prefix and scopes, never the secret.
 */
export async function createApiKey(db: Db, actor: Actor, input: CreateApiKeyInput) {
  requirePermission(actor, "org:settings");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError("BAD_REQUEST", { key: "apiKey.expiryInPast" }, "expiresAt");
  }
  const secret = newApiKey();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: { orgId: actor.orgId, name: input.name, prefix: secret.prefix, secretHash: secret.secretHash, scopes: input.scopes, createdById: actor.userId, expiresAt: input.expiresAt },
      select: { id: true, prefix: true },
    });
    await recordActorEvent(tx, actor, "api_key.created", ["ApiKey", key.id], { prefix: key.prefix, scopes: input.scopes, expires: input.expiresAt !== null });
    return { id: key.id, prefix: key.prefix, key: secret.key };
  });
}

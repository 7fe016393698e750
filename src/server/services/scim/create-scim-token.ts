import type { CreatedScimToken } from "@/lib/schemas/scim";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { newScimToken } from "./_shared/scim-token";

/** Two live tokens at most: one in use, one being rolled out when rotating. */
export const MAX_ACTIVE_SCIM_TOKENS = 2;

/** Makes a SCIM bearer token for the identity provider; the token is in this answer only. */
export async function createScimToken(db: Db, actor: Actor): Promise<CreatedScimToken> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const active = await tx.scimToken.count({ where: { orgId: actor.orgId, revokedAt: null } });
    if (active >= MAX_ACTIVE_SCIM_TOKENS) {
      throw new AppError("CONFLICT", { key: "scim.tooManyTokens", values: { max: String(MAX_ACTIVE_SCIM_TOKENS) } });
    }
    const { token, prefix, secretHash } = newScimToken();
    const row = await tx.scimToken.create({
      data: { orgId: actor.orgId, prefix, secretHash, createdById: actor.userId },
      select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    await recordActorEvent(tx, actor, "scim.token_created", ["ScimToken", row.id], { prefix });
    return { ...row, token };
  });
}

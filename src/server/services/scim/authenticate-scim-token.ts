// The bearer token of a /scim/v2 request: unknown or revoked is 401; a live one names the organisation every
// read and write of the request is scoped to. Each token is rate-limited in the database (shared by every
// instance, as sign-in limits are), generously: a full Entra ID sync of a large tenant stays well under it.
import type { Db } from "@/server/db";
import { countAttempt } from "@/server/services/auth/_shared/attempt-counter";
import type { ScimClient } from "./_shared/scim-client";
import { ScimError } from "./_shared/scim-error";
import { hashScimToken } from "./_shared/scim-token";

export const SCIM_RATE_LIMIT = { limit: 1200, seconds: 60 };

export type ScimAuth = ScimClient | { retryAfterSeconds: number };

export async function authenticateScimToken(db: Db, authorization: string | null): Promise<ScimAuth> {
  const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const row = token
    ? await db.scimToken.findUnique({ where: { secretHash: hashScimToken(token) }, select: { id: true, orgId: true, revokedAt: true, lastUsedAt: true } })
    : null;
  if (!row || row.revokedAt) throw new ScimError(401, "A valid SCIM bearer token is required.");
  const wait = await countAttempt(db, `scim:${row.id}`, SCIM_RATE_LIMIT);
  if (wait > 0) return { retryAfterSeconds: wait };
  // Last-used time to the minute is enough for Settings, and spares a write on every request of a sync.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.scimToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { orgId: row.orgId, tokenId: row.id };
}

// Who a REST API request acts for: the key's creator, through their CURRENT membership of the key's
// organisation, limited to the key's scopes. One statement finds the key by its hash, reads the creator's
// membership and (a data-modifying CTE runs whether read or not; at most once a minute, so busy keys don't write on every request) stamps lastUsedAt.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { isApiScope, SCOPE_PERMISSION, type ApiScope } from "@/lib/api-scopes";
import type { Permission } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { hashApiKey } from "./_shared/api-key-secret";

// Fails to compile when a scope names a permission that does not exist.
export const scopePermission: Record<ApiScope, Permission> = SCOPE_PERMISSION;

export type ApiKeyActor = { apiKeyId: string; scopes: ApiScope[]; actor: Actor };

/** Why a key is refused (each answered 401, with this said in the problem's detail). */
export type ApiKeyRefusal = "unknown" | "revoked" | "expired" | "creator-not-member";

const keyRowSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  createdById: z.string(),
  scopes: z.array(z.string()),
  revoked: z.boolean(),
  expired: z.boolean(),
  role: z.string().nullable(),
});

/** The key's form, checked before hashing: anything else is unknown without a database read. */
const KEY_PATTERN = /^pk_[0-9a-f]{8}_[A-Za-z0-9_-]{32,64}$/;

export async function authenticateApiKey(db: Db, key: string): Promise<ApiKeyActor | { refused: ApiKeyRefusal }> {
  if (!KEY_PATTERN.test(key)) return { refused: "unknown" };
  const raw = await db.$queryRaw(Prisma.sql`
    WITH k AS (
      SELECT "id", "orgId", "createdById", "scopes", "revokedAt" IS NOT NULL AS "revoked",
        coalesce("expiresAt" <= (now() AT TIME ZONE 'UTC'), false) AS "expired", "lastUsedAt"
      FROM "ApiKey" WHERE "secretHash" = ${hashApiKey(key)}
    ), touched AS (
      UPDATE "ApiKey" SET "lastUsedAt" = (now() AT TIME ZONE 'UTC')
      WHERE "id" IN (SELECT "id" FROM k WHERE NOT "revoked" AND NOT "expired"
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute'))
      RETURNING "id"
    )
    SELECT k."id", k."orgId", k."createdById", coalesce(k."scopes", '{}') AS "scopes", k."revoked", k."expired", m."role"::text AS "role"
    FROM k LEFT JOIN "Membership" m ON m."orgId" = k."orgId" AND m."userId" = k."createdById"`);
  const row = checkedRows(keyRowSchema, raw)[0];
  if (!row) return { refused: "unknown" };
  if (row.revoked) return { refused: "revoked" };
  if (row.expired) return { refused: "expired" };
  if (!row.role) return { refused: "creator-not-member" };
  return {
    apiKeyId: row.id,
    scopes: row.scopes.filter(isApiScope),
    actor: { userId: row.createdById, orgId: row.orgId, role: row.role as Role },
  };
}

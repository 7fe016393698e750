import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import type { AuditAction } from "@/server/services/audit/audit-actions";

/** Who is calling /scim/v2: an identity provider holding one organisation's SCIM token. */
export type ScimClient = { orgId: string; tokenId: string };

/** Audit entries of provisioning: no member acted, so the token that did is recorded instead. */
export function recordScimEvent(tx: Prisma.TransactionClient, client: ScimClient, action: AuditAction, entity: readonly [string, string], data: Record<string, string | boolean | number | null> = {}) {
  return recordAuditEvent(tx, { orgId: client.orgId, actorId: null, action, entityType: entity[0], entityId: entity[1], data: { ...data, scimTokenId: client.tokenId } });
}

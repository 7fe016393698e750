import type { ScimTokenIdInput } from "@/lib/schemas/scim";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";

/** Revokes a SCIM token: the identity provider's next request with it is refused (401). */
export async function revokeScimToken(db: Db, actor: Actor, input: ScimTokenIdInput): Promise<ScimTokenIdInput> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const { count } = await tx.scimToken.updateMany({ where: { id: input.id, orgId: actor.orgId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw notFound("SCIM token");
    await recordActorEvent(tx, actor, "scim.token_revoked", ["ScimToken", input.id]);
    return { id: input.id };
  });
}

import type { Db } from "@/server/db";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import { lockedScimUser } from "./_shared/update-scim-user";
import { syncAccess } from "./_shared/sync-access";

/**
 * DELETE /Users/{id}: access ends as with deactivation (membership removed, sessions ended), then the SCIM
 * record goes, so the provider may provision the person afresh. The account and their submitted
 * scorecards stay: decisions already taken rest on them.
 */
export async function deleteScimUser(db: Db, client: ScimClient, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await lockedScimUser(tx, client, id);
    await tx.scimUser.update({ where: { id: row.id }, data: { active: false } });
    await syncAccess(tx, client.orgId, [row.id]);
    await tx.scimUser.delete({ where: { id: row.id } });
    await recordScimEvent(tx, client, "scim.user_deleted", ["ScimUser", row.id]);
  });
}

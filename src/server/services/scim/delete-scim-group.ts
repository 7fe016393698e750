import type { Db } from "@/server/db";
import { lockedScimGroup } from "./_shared/save-scim-group";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import { syncAccess } from "./_shared/sync-access";

/** DELETE /Groups/{id}: its members lose the role it granted (refused if that removes the last admin). */
export async function deleteScimGroup(db: Db, client: ScimClient, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const group = await lockedScimGroup(tx, client.orgId, id);
    await tx.scimGroup.delete({ where: { id } });
    const members = group.members.map((m) => m.scimUser.id);
    await syncAccess(tx, client.orgId, members, group.role ? members : []);
    await recordScimEvent(tx, client, "scim.group_deleted", ["ScimGroup", id], { members: group.members.length });
  });
}

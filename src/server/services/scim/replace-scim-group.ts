import type { Db } from "@/server/db";
import { checkGroup, lockedScimGroup, writeScimGroup } from "./_shared/save-scim-group";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import type { GroupResource } from "./_shared/scim-resources";

/** PUT /Groups/{id}: the body's members become the group's members. */
export async function replaceScimGroup(db: Db, client: ScimClient, id: string, body: unknown): Promise<GroupResource> {
  const group = checkGroup(body);
  return db.$transaction(async (tx) => {
    await lockedScimGroup(tx, client.orgId, id);
    const saved = await writeScimGroup(tx, client.orgId, id, group);
    await recordScimEvent(tx, client, "scim.group_updated", ["ScimGroup", id], { members: group.memberIds.length });
    return saved;
  });
}

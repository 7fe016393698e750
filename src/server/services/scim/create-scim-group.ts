import type { Db } from "@/server/db";
import { checkGroup, writeScimGroup } from "./_shared/save-scim-group";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import type { GroupResource } from "./_shared/scim-resources";

/** POST /Groups: a new group maps to no role until an admin picks one in Settings. */
export async function createScimGroup(db: Db, client: ScimClient, body: unknown): Promise<GroupResource> {
  const group = checkGroup(body);
  return db.$transaction(async (tx) => {
    const created = await writeScimGroup(tx, client.orgId, null, group);
    await recordScimEvent(tx, client, "scim.group_created", ["ScimGroup", created.id], { members: group.memberIds.length });
    return created;
  });
}

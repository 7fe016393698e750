import type { Db } from "@/server/db";
import { applyPatch } from "./_shared/apply-patch";
import { checkGroup, lockedScimGroup, writeScimGroup } from "./_shared/save-scim-group";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import { toGroupResource, type GroupResource } from "./_shared/scim-resources";

/**
 * PATCH /Groups/{id}: members added and removed (Entra ID: `Add`/`Remove` on `members` with values, or a
 * remove with path `members[value eq "id"]`; Okta: the same in lower case), and renames. Answers 204, as
 * both providers expect, unless the caller asks for the resource (`attributes`).
 */
export async function patchScimGroup(db: Db, client: ScimClient, id: string, body: unknown): Promise<GroupResource> {
  return db.$transaction(async (tx) => {
    const current = await lockedScimGroup(tx, client.orgId, id);
    // Members by value alone, so a remove that names members by value matches them whatever else we'd show.
    const members = current.members.map(({ scimUser }) => ({ value: scimUser.id }));
    const group = checkGroup(applyPatch({ ...toGroupResource(current), members }, body));
    const saved = await writeScimGroup(tx, client.orgId, id, group);
    await recordScimEvent(tx, client, "scim.group_updated", ["ScimGroup", id], { members: group.memberIds.length });
    return saved;
  });
}

import type { Db } from "@/server/db";
import type { ScimClient } from "./_shared/scim-client";
import { scimNotFound } from "./_shared/scim-error";
import { scimGroupSelect, toGroupResource, type GroupResource } from "./_shared/scim-resources";

/** GET /Groups/{id}; `excludedAttributes=members` (Entra ID's probe) leaves the member list out. */
export async function getScimGroup(db: Db, client: ScimClient, id: string, withMembers: boolean): Promise<GroupResource> {
  const row = await db.scimGroup.findFirst({ where: { id, orgId: client.orgId }, select: scimGroupSelect });
  if (!row) throw scimNotFound("Group", id);
  return toGroupResource(row, withMembers);
}

import type { Db } from "@/server/db";
import { scimNotFound } from "./_shared/scim-error";
import type { ScimClient } from "./_shared/scim-client";
import { scimUserSelect, toUserResource, type UserResource } from "./_shared/scim-resources";

/** GET /Users/{id}: another organisation's id is 404, as an id that never existed. */
export async function getScimUser(db: Db, client: ScimClient, id: string): Promise<UserResource> {
  const row = await db.scimUser.findFirst({ where: { id, orgId: client.orgId }, select: scimUserSelect });
  if (!row) throw scimNotFound("User", id);
  return toUserResource(row);
}

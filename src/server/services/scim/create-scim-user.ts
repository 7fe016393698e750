// POST /Users: provisions a person. Their access (a Membership) starts at once when the User is active.
import type { Db } from "@/server/db";
import { accountForNewUser, assertUserUnique } from "./_shared/save-scim-user";
import { recordScimEvent, type ScimClient } from "./_shared/scim-client";
import { scimUserSelect, toUserResource, type UserResource } from "./_shared/scim-resources";
import { syncAccess } from "./_shared/sync-access";
import { checkUser } from "./_shared/user-attributes";

export async function createScimUser(db: Db, client: ScimClient, body: unknown): Promise<UserResource> {
  const user = checkUser(body);
  return db.$transaction(async (tx) => {
    await assertUserUnique(tx, client.orgId, user);
    const userId = await accountForNewUser(tx, client.orgId, user);
    const created = await tx.scimUser.create({
      data: { orgId: client.orgId, userId, userName: user.userName, externalId: user.externalId, active: user.active, attributes: user.attributes as object },
      select: { id: true },
    });
    await syncAccess(tx, client.orgId, [created.id]);
    await recordScimEvent(tx, client, "scim.user_created", ["ScimUser", created.id], { active: user.active });
    return toUserResource(await tx.scimUser.findUniqueOrThrow({ where: { id: created.id }, select: scimUserSelect }));
  });
}

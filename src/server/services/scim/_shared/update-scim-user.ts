// PUT and PATCH end the same way: the User's new state, checked, written in the request's transaction.
import type { Prisma } from "@/generated/prisma/client";
import { assertUserUnique, updateAccount } from "./save-scim-user";
import { recordScimEvent, type ScimClient } from "./scim-client";
import { scimNotFound } from "./scim-error";
import { scimUserSelect, toUserResource, type ScimUserRow, type UserResource } from "./scim-resources";
import { syncAccess } from "./sync-access";
import { checkUser } from "./user-attributes";

/** The User (scoped to the organisation) locked for the rest of the transaction, so edits queue. */
export async function lockedScimUser(tx: Prisma.TransactionClient, client: ScimClient, id: string): Promise<ScimUserRow & { userId: string }> {
  await tx.$queryRaw`SELECT id FROM "ScimUser" WHERE id = ${id} AND "orgId" = ${client.orgId} FOR UPDATE`;
  const row = await tx.scimUser.findFirst({ where: { id, orgId: client.orgId }, select: { ...scimUserSelect, userId: true } });
  if (!row) throw scimNotFound("User", id);
  return row;
}

export async function writeScimUser(tx: Prisma.TransactionClient, client: ScimClient, row: ScimUserRow & { userId: string }, body: unknown): Promise<UserResource> {
  const user = checkUser(body);
  await assertUserUnique(tx, client.orgId, user, row.id);
  await updateAccount(tx, client.orgId, row.userId, user);
  await tx.scimUser.update({
    where: { id: row.id },
    data: { userName: user.userName, externalId: user.externalId, active: user.active, attributes: user.attributes as object },
  });
  await syncAccess(tx, client.orgId, [row.id]);
  const action = row.active === user.active ? "scim.user_updated" : user.active ? "scim.user_reactivated" : "scim.user_deactivated";
  await recordScimEvent(tx, client, action, ["ScimUser", row.id]);
  return toUserResource(await tx.scimUser.findUniqueOrThrow({ where: { id: row.id }, select: scimUserSelect }));
}

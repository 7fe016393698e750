import type { Db } from "@/server/db";
import { applyPatch } from "./_shared/apply-patch";
import type { ScimClient } from "./_shared/scim-client";
import { toUserResource, type UserResource } from "./_shared/scim-resources";
import { lockedScimUser, writeScimUser } from "./_shared/update-scim-user";

/** PATCH /Users/{id} (Entra ID's update and deactivation, Okta's deactivation): all operations or none. */
export async function patchScimUser(db: Db, client: ScimClient, id: string, body: unknown): Promise<UserResource> {
  return db.$transaction(async (tx) => {
    const row = await lockedScimUser(tx, client, id);
    return writeScimUser(tx, client, row, applyPatch(toUserResource(row), body));
  });
}

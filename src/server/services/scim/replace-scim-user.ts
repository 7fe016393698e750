import type { Db } from "@/server/db";
import type { ScimClient } from "./_shared/scim-client";
import type { UserResource } from "./_shared/scim-resources";
import { lockedScimUser, writeScimUser } from "./_shared/update-scim-user";

/** PUT /Users/{id} (Okta's update and deactivation): the body is the whole new User; `active` left out means active. */
export async function replaceScimUser(db: Db, client: ScimClient, id: string, body: unknown): Promise<UserResource> {
  return db.$transaction(async (tx) => writeScimUser(tx, client, await lockedScimUser(tx, client, id), body));
}

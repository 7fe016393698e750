import type { Db } from "@/server/db";
import type { ScimClient } from "./_shared/scim-client";
import { userFilter } from "./_shared/scim-filter";
import { listResponse, scimUserSelect, toUserResource } from "./_shared/scim-resources";
import type { Paging } from "./_shared/paging";

/** GET /Users?filter=...&startIndex=&count=: the organisation's provisioned Users, oldest first. */
export async function listScimUsers(db: Db, client: ScimClient, query: { filter: string | null } & Paging) {
  const where = { AND: [{ orgId: client.orgId }, userFilter(query.filter)] };
  const [total, rows] = await Promise.all([
    db.scimUser.count({ where }),
    query.count === 0 ? [] : db.scimUser.findMany({ where, select: scimUserSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: query.startIndex - 1, take: query.count }),
  ]);
  return listResponse(rows.map(toUserResource), total, query.startIndex);
}

import type { Db } from "@/server/db";
import type { ScimClient } from "./_shared/scim-client";
import { groupFilter } from "./_shared/scim-filter";
import type { Paging } from "./_shared/paging";
import { listResponse, scimGroupSelect, toGroupResource } from "./_shared/scim-resources";

/** GET /Groups?filter=displayName eq "..." (how Entra ID and Okta look a group up before creating it). */
export async function listScimGroups(db: Db, client: ScimClient, query: { filter: string | null; withMembers: boolean } & Paging) {
  const where = { AND: [{ orgId: client.orgId }, groupFilter(query.filter)] };
  const [total, rows] = await Promise.all([
    db.scimGroup.count({ where }),
    query.count === 0 ? [] : db.scimGroup.findMany({ where, select: scimGroupSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: query.startIndex - 1, take: query.count }),
  ]);
  return listResponse(rows.map((row) => toGroupResource(row, query.withMembers)), total, query.startIndex);
}

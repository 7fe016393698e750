import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** Distinct roles of the organisation's scripts (archived ones included), for the list filter. */
export async function listScriptRoles(db: Db, actor: Actor): Promise<string[]> {
  requirePermission(actor, "scripts:read");
  const rows = await db.interviewScript.groupBy({
    by: ["role"],
    where: { orgId: actor.orgId },
    orderBy: { role: "asc" },
  });
  return rows.map((r) => r.role);
}

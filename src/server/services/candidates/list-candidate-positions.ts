import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** Distinct positions the organisation hires for, for the list filter and the create form. */
export async function listCandidatePositions(db: Db, actor: Actor): Promise<string[]> {
  requirePermission(actor, "candidates:read");
  const rows = await db.candidate.groupBy({ by: ["position"], where: { orgId: actor.orgId }, orderBy: { position: "asc" } });
  return rows.map((r) => r.position);
}

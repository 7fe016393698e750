import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { anchorsInOrderSelect } from "./_shared/selects";
import { visibleCompetencyWhere } from "./visible-banks";

/** The competency framework an organisation rates against, with the anchors for each level. */
export async function listCompetencies(db: Db, actor: Actor) {
  requirePermission(actor, "banks:read");
  const competencies = await db.competency.findMany({
    where: visibleCompetencyWhere(actor),
    select: {
      id: true,
      slug: true,
      name: true,
      definition: true,
      orgId: true,
      anchors: anchorsInOrderSelect,
    },
    orderBy: [{ orgId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
  return competencies.map(({ orgId, ...c }) => ({ ...c, builtIn: orgId === null }));
}

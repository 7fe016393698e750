// Competency weights of script versions and competency names, looked up for the insights figures.
import type { Db } from "@/server/db";

export type VersionWeights = Array<{ competencyId: string; weight: number; position: number }>;

export async function loadVersionWeights(db: Db, versionIds: string[]): Promise<Map<string, VersionWeights>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db.scriptVersionCompetency.findMany({
    where: { versionId: { in: versionIds } },
    orderBy: [{ position: "asc" }, { competencyId: "asc" }],
    select: { versionId: true, competencyId: true, weight: true, position: true },
  });
  const byVersion = new Map<string, VersionWeights>();
  for (const { versionId, ...weight } of rows) {
    const list = byVersion.get(versionId) ?? [];
    list.push(weight);
    byVersion.set(versionId, list);
  }
  return byVersion;
}

export type CompetencyNames = Map<string, { name: string; sortOrder: number }>;

/**
 * Every competency the organisation's ratings may name (the shared ones and its own), by id: a few dozen
 * rows, asked for beside a page's aggregates rather than after them, so the page waits one round trip less.
 */
export async function loadVisibleCompetencyNames(db: Db, orgId: string): Promise<CompetencyNames> {
  const rows = await db.competency.findMany({
    where: { OR: [{ orgId: null }, { orgId }] },
    select: { id: true, name: true, sortOrder: true },
  });
  return new Map(rows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
}

export async function loadCompetencyNames(
  db: Db,
  competencyIds: string[],
): Promise<CompetencyNames> {
  if (competencyIds.length === 0) return new Map();
  const rows = await db.competency.findMany({
    where: { id: { in: competencyIds } },
    select: { id: true, name: true, sortOrder: true },
  });
  return new Map(rows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
}

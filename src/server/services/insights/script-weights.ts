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

export async function loadCompetencyNames(
  db: Db,
  competencyIds: string[],
): Promise<Map<string, { name: string; sortOrder: number }>> {
  if (competencyIds.length === 0) return new Map();
  const rows = await db.competency.findMany({
    where: { id: { in: competencyIds } },
    select: { id: true, name: true, sortOrder: true },
  });
  return new Map(rows.map((c) => [c.id, { name: c.name, sortOrder: c.sortOrder }]));
}

// What the fairness report's filters offer the reader: the vacancies they may report on and the categories asked.
import "server-only";
import { collectedMonitoringCategories } from "@/lib/monitoring/categories";
import type { FairnessReportScopes } from "@/lib/schemas/fairness-report";
import { effectiveMinCell } from "@/lib/statistics/fairness/suppress-small-cells";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { fairnessReportAccess } from "./_shared/fairness-report-access";

export async function listFairnessReportScopes(db: Db, actor: Actor): Promise<FairnessReportScopes> {
  const access = await fairnessReportAccess(db, actor, undefined);
  const vacancies = await db.vacancy.findMany({
    where: { orgId: actor.orgId, ...(access.vacancyIds ? { id: { in: access.vacancyIds } } : {}) },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
  return {
    vacancies,
    allVacancies: access.vacancyIds === null,
    categories: collectedMonitoringCategories(access.categories).map((c) => ({ key: c.key, label: c.label })),
    minCell: effectiveMinCell(access.minCell),
  };
}

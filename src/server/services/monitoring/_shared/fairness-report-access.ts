// Who may read the fairness report, and over which vacancies: HR and admins over any; a hiring manager only
// when the organisation grants it, and then only over the vacancies they manage. Never interviewers.
import "server-only";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";

export type FairnessAccess = {
  /** null: every vacancy of the organisation. */
  vacancyIds: string[] | null;
  vacancyTitle: string | null;
  categories: string[];
  minCell: number;
};

const NOT_FOR_YOU = "The fairness report is for HR and admins; your organisation has not shared it with hiring managers.";

export async function fairnessReportAccess(db: Db, actor: Actor, vacancyId: string | undefined): Promise<FairnessAccess> {
  requirePermission(actor, "insights:read");
  const org = await db.organization.findUniqueOrThrow({
    where: { id: actor.orgId },
    select: { monitoringCategories: true, monitoringMinCell: true, monitoringReportForManagers: true },
  });
  const manager = actor.role === "HIRING_MANAGER";
  if (actor.role !== "ADMIN" && actor.role !== "HR" && !(manager && org.monitoringReportForManagers)) {
    throw new AppError("FORBIDDEN", NOT_FOR_YOU);
  }
  const settings = { categories: org.monitoringCategories, minCell: org.monitoringMinCell };
  if (vacancyId) {
    const vacancy = await db.vacancy.findFirst({
      where: { id: vacancyId, orgId: actor.orgId },
      select: { id: true, title: true, managers: { where: { userId: actor.userId }, select: { userId: true } } },
    });
    if (!vacancy) throw notFound("Vacancy");
    if (manager && vacancy.managers.length === 0) {
      throw new AppError("FORBIDDEN", { key: "monitoring.fairnessManagersOnly" });
    }
    return { ...settings, vacancyIds: [vacancy.id], vacancyTitle: vacancy.title };
  }
  if (!manager) return { ...settings, vacancyIds: null, vacancyTitle: null };
  const managed = await db.vacancyManager.findMany({ where: { userId: actor.userId, vacancy: { orgId: actor.orgId } }, select: { vacancyId: true } });
  return { ...settings, vacancyIds: managed.map((m) => m.vacancyId), vacancyTitle: null };
}

import type { VacancyIdInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadPlan } from "./_shared/load-plan";
import { canEditVacancy } from "./_shared/vacancy-access";

/** A vacancy's interview plan, for its editor (read by everyone who reads candidates; changed by its managers). */
export async function getVacancyPlan(db: Db, actor: Actor, input: VacancyIdInput) {
  requirePermission(actor, "candidates:read");
  const vacancy = await db.vacancy.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: { id: true, title: true, planUpdatedAt: true, managers: { select: { userId: true } } },
  });
  if (!vacancy) throw notFound("Vacancy");
  return loadPlan(db, actor, vacancy, canEditVacancy(actor, vacancy.managers.map((m) => m.userId)));
}

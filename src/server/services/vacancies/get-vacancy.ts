import type { VacancyIdInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { candidateCounts, countsAreScoped } from "./_shared/candidate-counts";
import { vacancyRow, vacancyRowSelect } from "./_shared/vacancy-row";

/** One vacancy: its fields, managers, counts, its plan's stages, and who may be made a manager. */
export async function getVacancy(db: Db, actor: Actor, input: VacancyIdInput) {
  requirePermission(actor, "candidates:read");
  const vacancy = await db.vacancy.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: { ...vacancyRowSelect, stages: { orderBy: { position: "asc" }, select: { id: true, name: true, position: true } } },
  });
  if (!vacancy) throw notFound("Vacancy");
  const [counts, managerOptions] = await Promise.all([
    candidateCounts(db, actor, vacancy.id),
    db.membership.findMany({
      where: { orgId: actor.orgId, role: { in: ["HIRING_MANAGER", "ADMIN"] } },
      orderBy: { user: { name: "asc" } },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    ...vacancyRow(actor, vacancy, counts.get(vacancy.id)),
    scoped: countsAreScoped(actor),
    stages: vacancy.stages,
    managerOptions: managerOptions.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
  };
}

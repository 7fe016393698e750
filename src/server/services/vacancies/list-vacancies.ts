import type { ListVacanciesInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { candidateCounts, countsAreScoped } from "./_shared/candidate-counts";
import { vacancyRow, vacancyRowSelect } from "./_shared/vacancy-row";

/**
 * The organisation's vacancies (open first, then on hold, filled, closed; by title), with their managers
 * and candidates per status. Every reader sees every vacancy's title; the counts take in only the
 * candidates within the reader's scope.
 */
export async function listVacancies(db: Db, actor: Actor, input: ListVacanciesInput) {
  requirePermission(actor, "candidates:read");
  const [vacancies, counts] = await Promise.all([
    db.vacancy.findMany({
      where: { orgId: actor.orgId, ...(input.status ? { status: input.status } : {}) },
      orderBy: [{ status: "asc" }, { title: "asc" }, { id: "asc" }],
      take: 500,
      select: vacancyRowSelect,
    }),
    candidateCounts(db, actor),
  ]);
  return { vacancies: vacancies.map((v) => vacancyRow(actor, v, counts.get(v.id))), scoped: countsAreScoped(actor) };
}

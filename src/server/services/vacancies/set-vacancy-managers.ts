import type { SetVacancyManagersInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertManagerChoices, vacancyToChange } from "./_shared/vacancy-access";

/**
 * Replaces a vacancy's managers: the hiring managers and admins who chair its debriefs, change its plan
 * and see its candidates' scorecards. At least one stays.
 */
export async function setVacancyManagers(db: Db, actor: Actor, input: SetVacancyManagersInput) {
  requirePermission(actor, "vacancies:write");
  return db.$transaction(async (tx) => {
    const vacancy = await vacancyToChange(tx, actor, input.id);
    const wanted = await assertManagerChoices(tx, actor.orgId, input.userIds, "userIds");
    const current = vacancy.managers.map((m) => m.userId);
    const added = wanted.filter((userId) => !current.includes(userId));
    const removed = current.filter((userId) => !wanted.includes(userId));
    if (removed.length) await tx.vacancyManager.deleteMany({ where: { vacancyId: vacancy.id, userId: { in: removed } } });
    if (added.length) {
      await tx.vacancyManager.createMany({ data: added.map((userId) => ({ vacancyId: vacancy.id, userId })), skipDuplicates: true });
    }
    if (added.length || removed.length) {
      await recordActorEvent(tx, actor, "vacancy.managers_changed", ["Vacancy", vacancy.id], { added, removed });
    }
    const managers = await tx.vacancyManager.findMany({
      where: { vacancyId: vacancy.id },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    });
    return { id: vacancy.id, managers: managers.map((m) => ({ userId: m.user.id, name: m.user.name })) };
  });
}

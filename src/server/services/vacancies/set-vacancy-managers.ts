import type { SetVacancyManagersInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { asSet, lockForUpdate, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertManagerChoices, vacancyToChange } from "./_shared/vacancy-access";

/**
 * Replaces a vacancy's managers: the hiring managers and admins who chair its debriefs, change its plan
 * and see its candidates' scorecards. At least one stays. With `shown` (the form's), managers changed since the
 * form showed them are not overwritten (CONFLICT).
 */
export async function setVacancyManagers(db: Db, actor: Actor, input: SetVacancyManagersInput) {
  requirePermission(actor, "vacancies:write");
  return db.$transaction(async (tx) => {
    // Locked before the managers are read: two saves apply one after the other, each checked against the last.
    await lockForUpdate(tx, "Vacancy", { id: input.id, orgId: actor.orgId });
    const vacancy = await vacancyToChange(tx, actor, input.id);
    const current = vacancy.managers.map((m) => m.userId);
    refuseIfShownChanged(input.shown && { userIds: asSet(input.shown) }, { userIds: asSet(current) }, { key: "vacancy.managersChangedElsewhere" });
    const wanted = await assertManagerChoices(tx, actor.orgId, input.userIds, "userIds");
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

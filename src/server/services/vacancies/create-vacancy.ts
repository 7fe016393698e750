import type { CreateVacancyInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertManagerChoices } from "./_shared/vacancy-access";
import { toDateColumn } from "./_shared/vacancy-dates";

/**
 * A new vacancy, without an interview plan yet. A hiring manager who creates it becomes one of its
 * managers; admins choose its managers among the hiring managers and admins (none chosen: the creator).
 */
export async function createVacancy(db: Db, actor: Actor, input: CreateVacancyInput) {
  requirePermission(actor, "vacancies:write");
  const { managerIds = [], opensOn, closesOn, ...fields } = input;
  return db.$transaction(async (tx) => {
    const chosen = await assertManagerChoices(tx, actor.orgId, managerIds);
    const managers = actor.role === "ADMIN" && chosen.length > 0 ? chosen : [...new Set([actor.userId, ...chosen])];
    const vacancy = await tx.vacancy.create({
      data: {
        ...fields,
        orgId: actor.orgId,
        opensOn: toDateColumn(opensOn ?? null),
        closesOn: toDateColumn(closesOn ?? null),
        managers: { create: managers.map((userId) => ({ userId })) },
      },
      select: { id: true, status: true },
    });
    await recordActorEvent(tx, actor, "vacancy.created", ["Vacancy", vacancy.id], { status: vacancy.status, managers });
    return { id: vacancy.id };
  });
}

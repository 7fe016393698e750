import { CLOSES_BEFORE_OPENS, type UpdateVacancyInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockForUpdate, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { vacancyToChange } from "./_shared/vacancy-access";
import { fromDateColumn, toDateColumn } from "./_shared/vacancy-dates";
import { candidateCounts } from "./_shared/candidate-counts";
import { vacancyRow, vacancyRowSelect } from "./_shared/vacancy-row";

/**
 * Changes a vacancy's details (its managers and plan have procedures of their own). A field left out is
 * left as it is; the dates are checked together with the stored one when only one is given. With `shown`
 * (the settings form's), details changed since the form showed them are not overwritten (CONFLICT).
 */
export async function updateVacancy(db: Db, actor: Actor, input: UpdateVacancyInput) {
  requirePermission(actor, "vacancies:write");
  const { id, shown, opensOn, closesOn, ...fields } = input;
  return db.$transaction(async (tx) => {
    // Locked before it is read: a save that held the row has committed, and is what `shown` is checked against.
    await lockForUpdate(tx, "Vacancy", { id, orgId: actor.orgId });
    const before = await vacancyToChange(tx, actor, id);
    const stored = { ...before, opensOn: fromDateColumn(before.opensOn), closesOn: fromDateColumn(before.closesOn) };
    refuseIfShownChanged(shown, stored, { key: "vacancy.detailsChangedElsewhere" });
    const opens = opensOn === undefined ? fromDateColumn(before.opensOn) : opensOn;
    const closes = closesOn === undefined ? fromDateColumn(before.closesOn) : closesOn;
    if (opens && closes && closes < opens) throw new AppError("BAD_REQUEST", CLOSES_BEFORE_OPENS, "closesOn");
    const updated = await tx.vacancy.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...(opensOn === undefined ? {} : { opensOn: toDateColumn(opensOn) }),
        ...(closesOn === undefined ? {} : { closesOn: toDateColumn(closesOn) }),
      },
      select: vacancyRowSelect,
    });
    const statusChanged = fields.status !== undefined && fields.status !== before.status;
    await recordActorEvent(tx, actor, "vacancy.updated", ["Vacancy", before.id], {
      fields: Object.keys(input).filter((k) => k !== "id" && k !== "shown"),
      ...(statusChanged ? { from: before.status, to: updated.status } : {}),
    });
    const counts = await candidateCounts(tx, actor, before.id);
    return vacancyRow(actor, updated, counts.get(before.id));
  });
}

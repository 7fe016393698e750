// Changes the organisation's training thresholds (admins only); a change is audited with both values.
import type { TrainingSettings, UpdateTrainingSettingsInput } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { lockOrganization, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { SETTINGS_CHANGED } from "@/server/services/orgs/_shared/settings-changed";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { trainingSettingsSelect } from "./_shared/training-settings-select";

export async function updateTrainingSettings(db: Db, actor: Actor, { shown, ...input }: UpdateTrainingSettingsInput): Promise<TrainingSettings> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const before = await tx.organization.findUnique({ where: { id: actor.orgId }, select: trainingSettingsSelect });
    if (!before) throw notFound("Organisation");
    refuseIfShownChanged(shown, before, SETTINGS_CHANGED);
    const after = await tx.organization.update({ where: { id: actor.orgId }, data: input, select: trainingSettingsSelect });
    const changed = (Object.keys(trainingSettingsSelect) as (keyof TrainingSettings)[]).some((key) => before[key] !== after[key]);
    if (changed) await recordActorEvent(tx, actor, "org.training_settings_changed", ["Organization", actor.orgId], { from: before, to: after });
    return after;
  });
}

// Changes the organisation's monitoring settings (admins only), audited with both values (settings hold no
// one's answers). Categories dropped later stay in answers already given; the form just stops asking them.
import type { MonitoringSettings, UpdateMonitoringSettingsInput } from "@/lib/schemas/monitoring";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { lockOrganization, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { SETTINGS_CHANGED } from "@/server/services/orgs/_shared/settings-changed";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { monitoringSettingsSelect, toMonitoringSettings } from "./_shared/monitoring-settings-select";

export async function updateMonitoringSettings(db: Db, actor: Actor, { shown, ...input }: UpdateMonitoringSettingsInput): Promise<MonitoringSettings> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const found = await tx.organization.findUnique({ where: { id: actor.orgId }, select: monitoringSettingsSelect });
    if (!found) throw notFound("Organisation");
    const before = toMonitoringSettings(found);
    refuseIfShownChanged(shown, before, SETTINGS_CHANGED);
    const after = toMonitoringSettings(
      await tx.organization.update({
        where: { id: actor.orgId },
        data: { monitoringCategories: input.categories, monitoringMinCell: input.minCell, monitoringReportForManagers: input.reportForManagers },
        select: monitoringSettingsSelect,
      }),
    );
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordActorEvent(tx, actor, "monitoring.settings_changed", ["Organization", actor.orgId], { from: before, to: after });
    }
    return after;
  });
}

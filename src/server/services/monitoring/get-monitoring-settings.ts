// The organisation's monitoring settings (admins): which categories the form asks, the smallest cell a report
// may show, and whether hiring managers get the report of their vacancies.
import type { MonitoringSettings } from "@/lib/schemas/monitoring";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { monitoringSettingsSelect, toMonitoringSettings } from "./_shared/monitoring-settings-select";

export async function getMonitoringSettings(db: Db, actor: Actor): Promise<MonitoringSettings> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUnique({ where: { id: actor.orgId }, select: monitoringSettingsSelect });
  if (!org) throw notFound("Organisation");
  return toMonitoringSettings(org);
}

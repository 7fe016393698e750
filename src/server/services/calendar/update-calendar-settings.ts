// Changes the organisation's calendar settings (admins only); a change is audited with both values. The
// time zone was checked against the platform's zone list by the input schema.
import type { CalendarSettings, UpdateCalendarSettingsInput } from "@/lib/schemas/calendar";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { lockOrganization, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { SETTINGS_CHANGED } from "@/server/services/orgs/_shared/settings-changed";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { calendarSettingsSelect } from "./get-calendar-settings";

export async function updateCalendarSettings(db: Db, actor: Actor, { shown, ...input }: UpdateCalendarSettingsInput): Promise<CalendarSettings> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const before = await tx.organization.findUnique({ where: { id: actor.orgId }, select: calendarSettingsSelect });
    if (!before) throw notFound("Organisation");
    refuseIfShownChanged(shown, before, SETTINGS_CHANGED);
    const after = await tx.organization.update({ where: { id: actor.orgId }, data: input, select: calendarSettingsSelect });
    const changed = (Object.keys(calendarSettingsSelect) as (keyof CalendarSettings)[]).some((key) => before[key] !== after[key]);
    if (changed) await recordActorEvent(tx, actor, "org.calendar_settings_changed", ["Organization", actor.orgId], { from: before, to: after });
    return after;
  });
}

// Changes the organisation's calendar settings (admins only); a change is audited with both values. The
// time zone was checked against the platform's zone list by the input schema.
import type { CalendarSettings, UpdateCalendarSettingsInput } from "@/lib/schemas/calendar";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { calendarSettingsSelect } from "./get-calendar-settings";

export async function updateCalendarSettings(db: Db, actor: Actor, input: UpdateCalendarSettingsInput): Promise<CalendarSettings> {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: actor.orgId }, select: calendarSettingsSelect });
    if (!before) throw notFound("Organisation");
    const after = await tx.organization.update({ where: { id: actor.orgId }, data: input, select: calendarSettingsSelect });
    const changed = (Object.keys(calendarSettingsSelect) as (keyof CalendarSettings)[]).some((key) => before[key] !== after[key]);
    if (changed) await recordActorEvent(tx, actor, "org.calendar_settings_changed", ["Organization", actor.orgId], { from: before, to: after });
    return after;
  });
}

// The organisation's calendar settings (admins): its time zone, the reminders before an interview, and
// how long after a panelist's overdue reminder the hiring manager hears of it.
import type { CalendarSettings } from "@/lib/schemas/calendar";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";

export const calendarSettingsSelect = { timeZone: true, reminderDayBefore: true, reminderHourBefore: true, overdueEscalationHours: true } as const;

export async function getCalendarSettings(db: Db, actor: Actor): Promise<CalendarSettings> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUnique({ where: { id: actor.orgId }, select: calendarSettingsSelect });
  if (!org) throw notFound("Organisation");
  return org;
}

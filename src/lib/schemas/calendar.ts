// Calendar invitations and reminders: the organisation's time zone and reminder settings (admins), and each
// panelist's private calendar feeds. Zod only: the settings form checks its values with these before sending.
import { isKnownTimeZone } from "@/lib/calendar/zoned-time";
import { z } from "./zod";
import { idSchema } from "./common";

export const ESCALATION_HOURS_MIN = 1;
export const ESCALATION_HOURS_MAX = 720;

export const calendarSettingsSchema = z.object({
  timeZone: z.string(),
  reminderDayBefore: z.boolean(),
  reminderHourBefore: z.boolean(),
  overdueEscalationHours: z.number().int(),
});
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

/**
 * `shown`: the settings as the form showed them; when they were changed elsewhere since, the save is refused
 * (CONFLICT) rather than putting them back.
 */
export const updateCalendarSettingsInput = z.object({
  timeZone: z
    .string({ error: "Choose a time zone" })
    .trim()
    .min(1, "Choose a time zone")
    .refine(isKnownTimeZone, "Choose a time zone from the list"),
  reminderDayBefore: z.boolean(),
  reminderHourBefore: z.boolean(),
  overdueEscalationHours: z
    .number({ error: "Enter a number of hours" })
    .int("Enter whole hours")
    .min(ESCALATION_HOURS_MIN, `Use at least ${ESCALATION_HOURS_MIN} hour`)
    .max(ESCALATION_HOURS_MAX, `Use at most ${ESCALATION_HOURS_MAX} hours (30 days)`),
  shown: calendarSettingsSchema.optional(),
});
export type UpdateCalendarSettingsInput = z.output<typeof updateCalendarSettingsInput>;

/** A feed as listed to its owner: never the token, which is shown once when made. */
export const calendarFeedSchema = z.object({ id: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable() });
export type CalendarFeed = z.output<typeof calendarFeedSchema>;
export const createdCalendarFeedSchema = calendarFeedSchema.extend({ url: z.string() });
export const calendarFeedIdInput = z.object({ id: idSchema });
export type CalendarFeedIdInput = z.output<typeof calendarFeedIdInput>;

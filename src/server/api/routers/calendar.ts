// Calendar invitations and reminders (issue 21): the organisation's time zone and reminder settings
// (admins), and each member's private calendar feed links (their own; the link is shown once).
import { z } from "zod";
import {
  calendarFeedIdInput,
  calendarFeedSchema,
  calendarSettingsSchema,
  createdCalendarFeedSchema,
  updateCalendarSettingsInput,
} from "@/lib/schemas/calendar";
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from "@/server/services/calendar/calendar-feeds";
import { getCalendarSettings } from "@/server/services/calendar/get-calendar-settings";
import { updateCalendarSettings } from "@/server/services/calendar/update-calendar-settings";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const calendarRouter = createTRPCRouter({
  settings: orgProcedure("org:settings").output(calendarSettingsSchema).query(withActorNoInput(getCalendarSettings)),

  updateSettings: orgProcedure("org:settings").input(updateCalendarSettingsInput).output(calendarSettingsSchema)
    .mutation(withActor(updateCalendarSettings)),

  feeds: orgProcedure("org:read").output(z.array(calendarFeedSchema)).query(withActorNoInput(listCalendarFeeds)),

  createFeed: orgProcedure("org:read").output(createdCalendarFeedSchema).mutation(withActorNoInput(createCalendarFeed)),

  revokeFeed: orgProcedure("org:read").input(calendarFeedIdInput).output(calendarFeedIdInput).mutation(withActor(revokeCalendarFeed)),
});

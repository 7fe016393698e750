// Settings: the organisation's time zone for invitations and emails, the reminders before an interview,
// and the escalation of overdue scorecards. Fetches its own settings, so the page adds one line for it.
import { supportedTimeZones } from "@/lib/calendar/zoned-time";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { CalendarSettingsForm } from "./calendar-settings-form";

export async function CalendarSettingsSection() {
  const api = await signedInServerApi();
  const settings = await api.calendar.settings();
  const zones = supportedTimeZones();
  // A zone saved before the platform renamed it stays choosable, so saving other settings never changes it.
  return (
    <ClientMessages namespaces={["calendarSettings", "validation"]}>
      <CalendarSettingsForm initial={settings} timeZones={zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones]} />
    </ClientMessages>
  );
}

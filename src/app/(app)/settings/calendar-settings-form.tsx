"use client";
// The organisation's calendar settings: the time zone invitations and emails are written in, reminders the
// day and the hour before an interview, and when an overdue scorecard is escalated to the hiring manager.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { SettingsSaveRow } from "@/components/ui/settings-save-row";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { ESCALATION_HOURS_MAX, ESCALATION_HOURS_MIN, updateCalendarSettingsInput, type CalendarSettings } from "@/lib/schemas/calendar";
import { useShownValues } from "@/components/use-shown-values";
import { useTRPC } from "@/trpc/react";

const numberFrom = (value: FormDataEntryValue | null) => (String(value ?? "").trim() === "" ? Number.NaN : Number(value));

export function CalendarSettingsForm({ initial, timeZones }: { initial: CalendarSettings; timeZones: string[] }) {
  const trpc = useTRPC();
  const t = useTranslations("calendarSettings");
  const settings = useShownValues(initial);
  const save = useMutation(trpc.calendar.updateSettings.mutationOptions({ onSuccess: settings.saved }));
  const { problem, submit } = useCheckedSave(updateCalendarSettingsInput, save);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit({
      timeZone: String(form.get("timeZone") ?? ""),
      reminderDayBefore: form.get("reminderDayBefore") === "on",
      reminderHourBefore: form.get("reminderHourBefore") === "on",
      overdueEscalationHours: numberFrom(form.get("overdueEscalationHours")),
      shown: settings.shown,
    });
  }

  const fields = new Set(["timeZone", "overdueEscalationHours"]);
  // A zone reads as its IANA id with spaces (place names stay as they are); the few whose city is named in
  // English words (Port of Spain, Isle of Man) have a name per language.
  const zoneLabel = (zone: string) => (t.has(`zoneNames.${zone}`) ? t(`zoneNames.${zone}`) : zone.replaceAll("_", " "));
  return (
    <section aria-labelledby="calendar-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="calendar-settings-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("intro")}
      </p>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 space-y-4" noValidate>
        <SelectField
          name="timeZone"
          id="calendar-time-zone"
          label={t("timeZone")}
          defaultValue={initial.timeZone}
          problem={problem}
          options={timeZones.map((zone) => ({ value: zone, label: zoneLabel(zone) }))}
          className="max-w-md"
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("reminders")}</legend>
          <div className="flex items-center gap-2">
            <input id="reminder-day-before" name="reminderDayBefore" type="checkbox" className="size-5" defaultChecked={initial.reminderDayBefore} />
            <label htmlFor="reminder-day-before" className="text-sm">{t("dayBefore")}</label>
          </div>
          <div className="flex items-center gap-2">
            <input id="reminder-hour-before" name="reminderHourBefore" type="checkbox" className="size-5" defaultChecked={initial.reminderHourBefore} />
            <label htmlFor="reminder-hour-before" className="text-sm">{t("hourBefore")}</label>
          </div>
        </fieldset>
        <TextField
          name="overdueEscalationHours"
          id="overdue-escalation-hours"
          label={t("escalation")}
          hint={t("escalationHint", { min: ESCALATION_HOURS_MIN, max: ESCALATION_HOURS_MAX })}
          type="number"
          inputMode="numeric"
          step={1}
          min={ESCALATION_HOURS_MIN}
          max={ESCALATION_HOURS_MAX}
          defaultValue={initial.overdueEscalationHours}
          problem={problem}
          className="max-w-md"
        />
        <SettingsSaveRow labels={{ save: t("save"), saved: t("saved") }} problem={problem} fields={fields} pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}

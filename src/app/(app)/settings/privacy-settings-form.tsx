"use client";
// How long candidates' personal data is kept after a decision, and what erasure keeps.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { SettingsSaveRow } from "@/components/ui/settings-save-row";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, updatePrivacySettingsInput, type privacySettingsViewSchema } from "@/lib/schemas/privacy";
import { useShownValues } from "@/components/use-shown-values";
import { useTRPC } from "@/trpc/react";
import type { z } from "zod";

type Settings = z.output<typeof privacySettingsViewSchema>;

export function PrivacySettingsForm({ initial }: { initial: Settings }) {
  const trpc = useTRPC();
  const t = useTranslations("privacySettings");
  const [retentionOn, setRetentionOn] = useState(initial.retentionDays !== null);
  const [days, setDays] = useState(String(initial.retentionDays ?? 365));
  const [keepRatings, setKeepRatings] = useState(initial.keepAnonymousRatings);
  const settings = useShownValues({ retentionDays: initial.retentionDays, keepAnonymousRatings: initial.keepAnonymousRatings });
  const save = useMutation(trpc.privacy.updateSettings.mutationOptions({ onSuccess: settings.saved }));
  // The form's own check (the procedure's schema) first, then what the server said.
  const { problem, submit } = useCheckedSave(updatePrivacySettingsInput, save);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A blank or non-numeric entry is NaN, which the schema answers with the field's message.
    const retentionDays = retentionOn ? (days.trim() === "" ? Number.NaN : Number(days)) : null;
    void submit({ retentionDays, keepAnonymousRatings: keepRatings, shown: settings.shown });
  }

  return (
    <section aria-labelledby="privacy-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="privacy-settings-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("intro")}
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("retention")}</legend>
          <div className="flex items-center gap-2">
            <input
              id="retention-on"
              type="checkbox"
              className="size-5"
              checked={retentionOn}
              onChange={(e) => setRetentionOn(e.target.checked)}
            />
            <label htmlFor="retention-on" className="text-sm">{t("retentionOn")}</label>
          </div>
          <Field
            id="retention-days"
            name="retentionDays"
            label={t("days")}
            hint={t("daysHint", { min: RETENTION_DAYS_MIN, max: RETENTION_DAYS_MAX })}
            problem={problem}
            className="max-w-xs"
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={RETENTION_DAYS_MIN}
                max={RETENTION_DAYS_MAX}
                step={1}
                className="field-input"
                value={days}
                disabled={!retentionOn}
                onChange={(e) => setDays(e.target.value)}
              />
            )}
          </Field>
          {initial.retentionDays !== null && initial.dueNow > 0 && (
            <p className="text-sm">
              {t("dueNow", { count: initial.dueNow })}
            </p>
          )}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("onErasure")}</legend>
          <div className="flex items-start gap-2">
            <input
              id="keep-ratings"
              type="checkbox"
              className="mt-0.5 size-5"
              checked={keepRatings}
              onChange={(e) => setKeepRatings(e.target.checked)}
              aria-describedby="keep-ratings-hint"
            />
            <div>
              <label htmlFor="keep-ratings" className="text-sm">{t("keepRatings")}</label>
              <p id="keep-ratings-hint" className="text-xs text-slate-600">
                {t("keepRatingsHint")}
              </p>
            </div>
          </div>
        </fieldset>
        <SettingsSaveRow labels={{ save: t("save"), saved: t("saved") }} problem={problem} fields={new Set(["retentionDays"])} pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}

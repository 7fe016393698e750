"use client";
// The organisation's training thresholds: how accurate a practice session must be for a panelist to be ready
// for a script that requires practice, what happens when an unready panelist is added, and when live ratings
// have drifted enough to suggest a refresher.
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { SettingsSaveRow } from "@/components/ui/settings-save-row";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import {
  DRIFT_MIN_RATINGS_MAX,
  DRIFT_MIN_RATINGS_MIN,
  DRIFT_THRESHOLD_MAX,
  DRIFT_THRESHOLD_MIN,
  PRACTICE_MAX_MAD_MAX,
  PRACTICE_MAX_MAD_MIN,
  updateTrainingSettingsInput,
  type TrainingSettings,
} from "@/lib/schemas/readiness";
import { useShownValues } from "@/components/use-shown-values";
import { useTRPC } from "@/trpc/react";

/** A blank entry is NaN, which the schema answers with the field's message. */
const numberFrom = (value: FormDataEntryValue | null) => (String(value ?? "").trim() === "" ? Number.NaN : Number(value));

export function TrainingSettingsFields({ initial }: { initial: TrainingSettings }) {
  const t = useTranslations("training");
  const format = useFormatter();
  const trpc = useTRPC();
  const settings = useShownValues(initial);
  const save = useMutation(trpc.readiness.updateSettings.mutationOptions({ onSuccess: settings.saved }));
  const { problem, submit } = useCheckedSave(updateTrainingSettingsInput, save);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({
      practiceMaxMad: numberFrom(form.get("practiceMaxMad")),
      practiceUnreadyMode: String(form.get("practiceUnreadyMode") ?? ""),
      driftLeniencyThreshold: numberFrom(form.get("driftLeniencyThreshold")),
      driftMinRatings: numberFrom(form.get("driftMinRatings")),
      shown: settings.shown,
    });
  }

  const fields = new Set(["practiceMaxMad", "practiceUnreadyMode", "driftLeniencyThreshold", "driftMinRatings"]);
  return (
    <section aria-labelledby="training-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="training-settings-heading" className="text-lg font-semibold">
        {t("settings.heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("settings.intro")}</p>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 space-y-4" noValidate>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("settings.readiness")}</legend>
          <TextField
            name="practiceMaxMad"
            id="practice-max-mad"
            label={t("settings.maxMad")}
            hint={t("settings.maxMadHint", { min: PRACTICE_MAX_MAD_MIN, max: PRACTICE_MAX_MAD_MAX })}
            type="number"
            inputMode="decimal"
            step={0.05}
            min={PRACTICE_MAX_MAD_MIN}
            max={PRACTICE_MAX_MAD_MAX}
            defaultValue={initial.practiceMaxMad}
            problem={problem}
            className="max-w-md"
          />
          <SelectField
            name="practiceUnreadyMode"
            id="practice-unready-mode"
            label={t("settings.unreadyMode")}
            defaultValue={initial.practiceUnreadyMode}
            problem={problem}
            options={[
              { value: "WARN", label: t("settings.warn") },
              { value: "REFUSE", label: t("settings.refuse") },
            ]}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("settings.drift")}</legend>
          <TextField
            name="driftLeniencyThreshold"
            id="drift-leniency-threshold"
            label={t("settings.threshold")}
            hint={t("settings.thresholdHint", { min: DRIFT_THRESHOLD_MIN, max: DRIFT_THRESHOLD_MAX })}
            type="number"
            inputMode="decimal"
            step={0.05}
            min={DRIFT_THRESHOLD_MIN}
            max={DRIFT_THRESHOLD_MAX}
            defaultValue={initial.driftLeniencyThreshold}
            problem={problem}
            className="max-w-md"
          />
          <TextField
            name="driftMinRatings"
            id="drift-min-ratings"
            label={t("settings.minRatings")}
            hint={t("settings.minRatingsHint", { min: DRIFT_MIN_RATINGS_MIN, max: format.number(DRIFT_MIN_RATINGS_MAX, "integer") })}
            type="number"
            inputMode="numeric"
            step={1}
            min={DRIFT_MIN_RATINGS_MIN}
            max={DRIFT_MIN_RATINGS_MAX}
            defaultValue={initial.driftMinRatings}
            problem={problem}
            className="max-w-md"
          />
        </fieldset>
        <SettingsSaveRow labels={{ save: t("settings.save"), saved: t("settings.saved") }} problem={problem} fields={fields} pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}

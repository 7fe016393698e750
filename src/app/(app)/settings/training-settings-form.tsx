"use client";
// The organisation's training thresholds: how accurate a practice session must be for a panelist to be ready
// for a script that requires practice, what happens when an unready panelist is added, and when live ratings
// have drifted enough to suggest a refresher.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
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
import { useTRPC } from "@/trpc/react";

/** A blank entry is NaN, which the schema answers with the field's message. */
const numberFrom = (value: FormDataEntryValue | null) => (String(value ?? "").trim() === "" ? Number.NaN : Number(value));

export function TrainingSettingsForm({ initial }: { initial: TrainingSettings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.readiness.updateSettings.mutationOptions({ onSuccess: () => router.refresh() }));
  const { problem, submit } = useCheckedSave(updateTrainingSettingsInput, save);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({
      practiceMaxMad: numberFrom(form.get("practiceMaxMad")),
      practiceUnreadyMode: String(form.get("practiceUnreadyMode") ?? ""),
      driftLeniencyThreshold: numberFrom(form.get("driftLeniencyThreshold")),
      driftMinRatings: numberFrom(form.get("driftMinRatings")),
    });
  }

  const fields = new Set(["practiceMaxMad", "practiceUnreadyMode", "driftLeniencyThreshold", "driftMinRatings"]);
  return (
    <section aria-labelledby="training-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="training-settings-heading" className="text-lg font-semibold">Panel training</h2>
      <p className="mt-1 text-sm text-slate-700">
        A script can require its panelists to be ready: a recent practice session on it whose ratings were close to the reference
        ratings. Refreshers are suggested, at most once a month each, to panelists whose live ratings drift from their colleagues&apos;.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 space-y-4" noValidate>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Readiness</legend>
          <TextField
            name="practiceMaxMad"
            id="practice-max-mad"
            label="Ready when a practice session is off by at most (scale points)"
            hint={`The mean distance from the reference ratings, ${PRACTICE_MAX_MAD_MIN} to ${PRACTICE_MAX_MAD_MAX}. 0.75 is most ratings within one level.`}
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
            label="When someone not ready is added to a panel of a script that requires practice"
            defaultValue={initial.practiceUnreadyMode}
            problem={problem}
            options={[
              { value: "WARN", label: "Warn, and add them" },
              { value: "REFUSE", label: "Refuse, saying who is not ready and why" },
            ]}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Refreshers from drift</legend>
          <TextField
            name="driftLeniencyThreshold"
            id="drift-leniency-threshold"
            label="Suggest a refresher at a leniency offset of at least (scale points, either way)"
            hint={`How far a panelist's ratings sit above or below colleagues' on the same candidates, ${DRIFT_THRESHOLD_MIN} to ${DRIFT_THRESHOLD_MAX}.`}
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
            label="Only on at least this many of their ratings"
            hint={`${DRIFT_MIN_RATINGS_MIN} to ${DRIFT_MIN_RATINGS_MAX.toLocaleString("en-GB")}. The same number applies to ratings that use only one or two levels. Checked daily over the last 180 days.`}
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
        <SettingsSaveRow what="training settings" problem={problem} fields={fields} pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}

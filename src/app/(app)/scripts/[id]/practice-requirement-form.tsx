"use client";
// Whether this script's panelists must be ready (issue 19): a practice session on the script within some
// months, off by no more than the organisation's threshold. Script writers change it; everyone reads it.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { PRACTICE_MONTHS_MAX, PRACTICE_MONTHS_MIN, setScriptRequirementInput, type ScriptRequirement } from "@/lib/schemas/readiness";
import { useTRPC } from "@/trpc/react";

const points = (value: number) => String(Math.round(value * 100) / 100);

export function PracticeRequirementForm({ initial }: { initial: ScriptRequirement }) {
  const t = useTranslations("training");
  const trpc = useTRPC();
  const save = useMutation(trpc.readiness.setScriptRequirement.mutationOptions());
  const current = save.data ?? initial;
  const [required, setRequired] = useState(initial.practiceRequired);
  const { problem, submit } = useCheckedSave(setScriptRequirementInput, save);
  const consequence =
    current.practiceUnreadyMode === "REFUSE" ? t("requirement.refuses") : t("requirement.warns");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const months = String(new FormData(event.currentTarget).get("practiceMonths") ?? "").trim();
    await submit({
      scriptId: initial.scriptId,
      practiceRequired: required,
      practiceMonths: months === "" ? Number.NaN : Number(months),
      // The requirement as this form last showed or saved it: a save after it changed elsewhere is refused.
      shown: { practiceRequired: current.practiceRequired, practiceMonths: current.practiceMonths },
    });
  }

  return (
    <section aria-labelledby="practice-requirement-heading" className="card mt-4 max-w-3xl">
      <h2 id="practice-requirement-heading" className="text-lg font-semibold">
        {t("requirement.heading")}
      </h2>
      {!current.canEdit ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="practice-requirement">
          {current.practiceRequired
            ? t("requirement.required", { months: current.practiceMonths, max: points(current.practiceMaxMad) })
            : t("requirement.notRequired")}
        </p>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="mt-2 space-y-3" noValidate>
          <div className="flex items-start gap-2">
            <input
              id="practice-required"
              type="checkbox"
              className="mt-0.5 size-5"
              checked={required}
              onChange={(e) => setRequired(e.target.checked)}
              aria-describedby="practice-required-hint"
            />
            <div>
              <label htmlFor="practice-required" className="text-sm font-medium">
                {t("requirement.checkbox")}
              </label>
              <p id="practice-required-hint" className="text-xs text-slate-700">
                {t("requirement.hint", { max: points(current.practiceMaxMad), consequence })}
              </p>
            </div>
          </div>
          <TextField
            name="practiceMonths"
            id="practice-months"
            label={t("requirement.months")}
            type="number"
            inputMode="numeric"
            min={PRACTICE_MONTHS_MIN}
            max={PRACTICE_MONTHS_MAX}
            step={1}
            defaultValue={initial.practiceMonths}
            problem={problem}
            className="max-w-xs"
          />
          {problem && problem.field !== "practiceMonths" && (
            <Alert variant="plain" className="text-sm">
              {problem.message}
            </Alert>
          )}
          <div className="flex items-center gap-3">
            <button type="submit" className="btn-secondary" disabled={save.isPending}>
              {save.isPending ? t("requirement.saving") : t("requirement.save")}
            </button>
            <p aria-live="polite" className="text-sm">{save.isSuccess ? t("requirement.saved") : ""}</p>
          </div>
        </form>
      )}
    </section>
  );
}

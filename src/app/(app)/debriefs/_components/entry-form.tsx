"use client";
// The chair's record for one queued disagreement: the panel's consensus rating (1–4) or "keep the mean", and
// the reason, required when the figure changes. Recording again replaces the entry while the debrief is open.
import { useFormatter, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useShownValues } from "@/components/use-shown-values";
import { RATING_LEVELS } from "@/lib/rating-scale";
import { REASON_MAX, recordDebriefEntryInput, type DebriefEntryView } from "@/lib/schemas/debriefs";
import { useTRPC } from "@/trpc/react";
import { figure } from "./format";
import { useKeepUnsent } from "./keep-unsent";

type DebriefEntryShown = Pick<DebriefEntryView, "kind" | "rating" | "reason">;

type Props = {
  debriefId: string;
  itemId: string;
  competencyId: string;
  /** "Question 2, Empathy": names the form for screen readers. */
  label: string;
  mean: number;
  entry: DebriefEntryView | null;
};

const KEEP = "KEEP_MEAN";

export function EntryForm({ debriefId, itemId, competencyId, label, mean, entry }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const id = useId();
  const t = useTranslations("debriefs");
  const format = useFormatter();
  // The entry as this form was drawn from it (or none), then as it recorded it: an entry another chair recorded
  // or changed since is not replaced (CONFLICT), and what was chosen and written here stays.
  const shownEntry = useShownValues<DebriefEntryShown | null>(entry ? { kind: entry.kind, rating: entry.rating, reason: entry.reason } : null);
  const record = useMutation(
    trpc.debriefs.recordEntry.mutationOptions({ onSuccess: (_, sent) => shownEntry.saved({ kind: sent.kind, rating: sent.rating, reason: sent.reason }) }),
  );
  const [choice, setChoice] = useState<string>(entry ? (entry.kind === "KEEP_MEAN" ? KEEP : String(entry.rating)) : "");
  const [reason, setReason] = useState(entry?.reason ?? "");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(record.error);
  // Kept on the page by KeepUnsent if the debrief closes while the reason differs from the one recorded (or just sent).
  const sentReason = (record.isSuccess ? record.variables.reason : entry?.reason) ?? "";
  useKeepUnsent(reason.trim() !== "" && reason.trim() !== sentReason.trim());
  const changes = choice !== "" && choice !== KEEP && Math.abs(Number(choice) - mean) > 1e-9;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(recordDebriefEntryInput, {
      debriefId,
      itemId,
      competencyId,
      kind: choice === "" ? undefined : choice === KEEP ? "KEEP_MEAN" : "CONSENSUS",
      rating: choice === "" || choice === KEEP ? null : Number(choice),
      reason,
      shown: shownEntry.shown,
    });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await record.mutateAsync(result.data);
    } catch {
      // shown from record.error
    }
  }

  // The radios answer for both the kind and the rating.
  const choiceMessage = problem ? (problem.fields?.kind ?? problem.fields?.rating ?? (problem.field === "kind" || problem.field === "rating" ? problem.message : null)) : null;
  const choiceProblem: FieldProblem | null = choiceMessage ? { message: choiceMessage, field: "choice" } : null;
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3 rounded-md bg-slate-50 p-3" aria-label={`Record the panel's view: ${label}`} data-testid="entry-form" noValidate>
      <fieldset aria-describedby={`${id}-choice-error`}>
        <legend className="field-label">{t("entryForm.view", { mean: figure(mean, format) })}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {RATING_LEVELS.map((level) => (
            <label key={level.level} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name={`${id}-choice`} value={String(level.level)} checked={choice === String(level.level)} onChange={() => setChoice(String(level.level))} />
              {t("entryForm.consensus", { level: level.level, label: t(`levels.${level.level}`) })}
            </label>
          ))}
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" name={`${id}-choice`} value={KEEP} checked={choice === KEEP} onChange={() => setChoice(KEEP)} />
            {t("entryForm.keepMean")}
          </label>
        </div>
        <FieldError id={`${id}-choice-error`} problem={choiceProblem} field="choice" />
      </fieldset>
      <Field name="reason" label={t("entryForm.reason")} hint={changes ? t("entryForm.reasonChanges", { choice, mean: figure(mean, format) }) : t("entryForm.reasonHint")} problem={problem}>
        {(control) => <LimitedTextField {...control} multiline limit={REASON_MAX} rows={2} className="field-input py-2" value={reason} onValueChange={setReason} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={record.isPending}>
          {record.isPending ? t("entryForm.recording") : entry ? t("entryForm.recordAgain") : t("entryForm.record")}
        </button>
        {record.isSuccess && !checked && (
          <Alert tone="success" variant="plain" className="text-sm">
            {t("entryForm.recorded")}
          </Alert>
        )}
        {problem && !choiceMessage && problem.field !== "reason" && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
      </div>
    </form>
  );
}

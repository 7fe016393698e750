"use client";
// A correction to a closed debrief: a reason, and one change (the rationale, one entry, or the outcome),
// kept with its before and after. The outcome can't be reopened once the candidate is hired (the server says so).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, messageFor, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useShownValues } from "@/components/use-shown-values";
import type { DebriefOutcome } from "@/lib/debriefs/outcomes";
import { RATING_LEVELS } from "@/lib/rating-scale";
import { correctDebriefInput, RATIONALE_MAX, REASON_MAX } from "@/lib/schemas/debriefs";
import { useTRPC } from "@/trpc/react";
import { DepartureReasonField } from "@/components/strands/departure-reason-field";
import { OutcomeFields, outcomeInput, overrideFor, type OutcomeValues, type Overrides } from "./outcome-fields";

type Unit = { key: string; itemId: string; competencyId: string; label: string };
type Props = {
  debriefId: string;
  rationale: string;
  units: Unit[];
  nextStages: ReadonlyArray<{ id: string; name: string }>;
  overrides: Overrides;
  /** The outcomes that depart from the service-user strand's preferred candidate (issue 23): they need a reason. */
  departsIf?: readonly DebriefOutcome[];
};

const KINDS = ["rationale", "entry", "outcome"] as const;
type Kind = (typeof KINDS)[number];
const KEEP = "KEEP_MEAN";
const CHANGE_FIELDS = ["reason", "change.rationale", "change.itemId", "change.entryKind", "change.rating", "change.outcome", "change.nextStageId", "change.overrideJustification", "change.strandDepartureReason"];

export function CorrectionForm({ debriefId, rationale: current, units, nextStages, overrides, departsIf = [] }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("debriefs.correctionForm");
  const [kind, setKind] = useState<Kind>("rationale");
  const [reason, setReason] = useState("");
  const [rationale, setRationale] = useState(current);
  const [unitKey, setUnitKey] = useState(units[0]?.key ?? "");
  const [choice, setChoice] = useState("");
  const [outcome, setOutcome] = useState<OutcomeValues>({ outcome: "", nextStageId: "", overrideJustification: "" });
  const [departureReason, setDepartureReason] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  // The rationale as this form was drawn from it, then as it corrected it: a rationale corrected elsewhere since
  // is not overwritten (CONFLICT), and the text written here stays.
  const shownRationale = useShownValues(current);
  const correct = useMutation(
    trpc.debriefs.correct.mutationOptions({
      onSuccess: (_, sent) => {
        setReason("");
        if (sent.change.kind === "rationale") shownRationale.saved(sent.change.rationale);
        else router.refresh();
      },
    }),
  );
  const problem = checked ?? fieldErrorFrom(correct.error);
  // As the page computed it, or as the server said when the stage's decisions changed meanwhile.
  const departs = (outcome.outcome !== "" && departsIf.includes(outcome.outcome)) || problem?.field === "change.strandDepartureReason";

  function change() {
    switch (kind) {
      case "rationale":
        return { kind, rationale, shown: shownRationale.shown };
      case "entry": {
        const unit = units.find((u) => u.key === unitKey);
        return {
          kind,
          itemId: unit?.itemId ?? "",
          competencyId: unit?.competencyId ?? "",
          entryKind: choice === "" ? undefined : choice === KEEP ? "KEEP_MEAN" : "CONSENSUS",
          rating: choice === "" || choice === KEEP ? null : Number(choice),
        };
      }
      case "outcome":
        return { kind, ...outcomeInput(outcome, overrideFor(outcome, overrides, problem, "change.")), strandDepartureReason: departs ? departureReason : "" };
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(correctDebriefInput, { debriefId, reason, change: change() });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await correct.mutateAsync(result.data);
    } catch {
      // shown from correct.error
    }
  }

  const choiceMessage = messageFor(problem, "change.entryKind") ?? messageFor(problem, "change.rating");
  const kinds = KINDS.filter((k) => k !== "entry" || units.length > 0);
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-4" aria-label={t("label")} data-testid="correction-form" noValidate>
      <SelectField
        name="kind"
        id="correction-kind"
        label={t("what")}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setChecked(null);
        }}
        options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      {kind === "rationale" && (
        <Field name="change.rationale" id="correction-rationale" label={t("rationale")} problem={problem}>
          {(control) => <LimitedTextField {...control} multiline limit={RATIONALE_MAX} rows={4} className="field-input py-2" value={rationale} onValueChange={setRationale} />}
        </Field>
      )}
      {kind === "entry" && (
        <>
          <SelectField
            name="change.itemId"
            id="correction-unit"
            label={t("disagreement")}
            problem={problem}
            value={unitKey}
            onChange={(e) => setUnitKey(e.target.value)}
            options={units.map((u) => ({ value: u.key, label: u.label }))}
          />
          <fieldset aria-describedby="correction-choice-error">
            <legend className="field-label">{t("view")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {RATING_LEVELS.map((level) => (
                <label key={level.level} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name="correction-choice" value={String(level.level)} checked={choice === String(level.level)} onChange={() => setChoice(String(level.level))} />
                  {t("consensus", { level: level.level })}
                </label>
              ))}
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="radio" name="correction-choice" value={KEEP} checked={choice === KEEP} onChange={() => setChoice(KEEP)} />
                {t("keepMean")}
              </label>
            </div>
            {choiceMessage ? (
              <p id="correction-choice-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
                {choiceMessage}
              </p>
            ) : (
              <span id="correction-choice-error" />
            )}
          </fieldset>
        </>
      )}
      {kind === "outcome" && <OutcomeFields values={outcome} onChange={setOutcome} nextStages={nextStages} overrides={overrides} problem={problem} prefix="change." idPrefix="correction" />}
      {kind === "outcome" && departs && (
        <DepartureReasonField value={departureReason} onChange={setDepartureReason} problem={problem} idPrefix="correction" prefix="change." />
      )}
      <Field name="reason" id="correction-reason" label={t("reason")} hint={t("reasonHint")} problem={problem}>
        {(control) => <LimitedTextField {...control} multiline limit={REASON_MAX} rows={2} className="field-input py-2" value={reason} onValueChange={setReason} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={correct.isPending}>
          {correct.isPending ? t("saving") : t("submit")}
        </button>
        {correct.isSuccess && !checked && (
          <Alert tone="success" variant="plain" className="text-sm">
            {t("done")}
          </Alert>
        )}
        {problem && !CHANGE_FIELDS.includes(problem.field ?? "") && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
      </div>
    </form>
  );
}

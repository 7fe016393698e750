"use client";
// The chair's outcome: advance to a named later stage, appoint, reserve list or reject, with a rationale that
// cites competencies, and an override justification exactly when the outcome departs from the mechanical
// order. Recording it closes the debrief.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import type { DebriefOutcome } from "@/lib/debriefs/outcomes";
import { formatList } from "@/lib/format-list";
import { decideDebriefInput, RATIONALE_MAX } from "@/lib/schemas/debriefs";
import { useTRPC } from "@/trpc/react";
import { OutcomeFields, outcomeInput, overrideFor, type OutcomeValues, type Overrides } from "./outcome-fields";
import { DepartureReasonField } from "@/components/strands/departure-reason-field";
import { useKeepUnsent } from "./keep-unsent";

type Props = {
  debriefId: string;
  nextStages: ReadonlyArray<{ id: string; name: string }>;
  overrides: Overrides;
  competencyNames: readonly string[];
  /** The outcomes that depart from the service-user strand's preferred candidate (issue 23): they need a reason. */
  departsIf?: readonly DebriefOutcome[];
};

export function OutcomeForm({ debriefId, nextStages, overrides, competencyNames, departsIf = [] }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("debriefs");
  const locale = useLocale();
  const decide = useMutation(trpc.debriefs.decide.mutationOptions({ onSuccess: () => router.refresh() }));
  const [values, setValues] = useState<OutcomeValues>({ outcome: "", nextStageId: "", overrideJustification: "" });
  const [rationale, setRationale] = useState("");
  const [departureReason, setDepartureReason] = useState("");
  const departs = values.outcome !== "" && departsIf.includes(values.outcome);
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(decide.error);
  // Kept on the page by KeepUnsent if another chair decides while this holds text not recorded.
  useKeepUnsent(!decide.isSuccess && [rationale, values.overrideJustification, departureReason].some((text) => text.trim() !== ""));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(decideDebriefInput, { debriefId, ...outcomeInput(values, overrideFor(values, overrides, problem)), rationale, strandDepartureReason: departs ? departureReason : "" });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await decide.mutateAsync(result.data);
    } catch {
      // shown from decide.error
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-3 grid gap-4 md:grid-cols-2" aria-label={t("outcomeForm.label")} data-testid="outcome-form" noValidate>
      <div className="space-y-4">
        <OutcomeFields values={values} onChange={setValues} nextStages={nextStages} overrides={overrides} problem={problem} idPrefix="decide" />
      </div>
      <div className="space-y-4">
        <Field
          name="rationale"
          id="decide-rationale"
          label={t("outcomeForm.rationale")}
          hint={competencyNames.length ? t("outcomeForm.rationaleHint", { names: formatList(competencyNames, locale, "disjunction") }) : undefined}
          problem={problem}
        >
          {(control) => <LimitedTextField {...control} multiline limit={RATIONALE_MAX} rows={5} className="field-input py-2" value={rationale} onValueChange={setRationale} />}
        </Field>
        {departs && <DepartureReasonField value={departureReason} onChange={setDepartureReason} problem={problem} idPrefix="decide" />}
      </div>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <button type="submit" className="btn-primary" disabled={decide.isPending}>
          {decide.isPending ? t("outcomeForm.recording") : t("outcomeForm.submit")}
        </button>
        {problem && !["outcome", "nextStageId", "rationale", "overrideJustification", ...(departs ? ["strandDepartureReason"] : [])].includes(problem.field ?? "") && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
      </div>
    </form>
  );
}

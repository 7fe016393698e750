"use client";
// The chair's button to open a candidate's debrief at a stage. Before everyone has submitted it says who is
// missing and asks for the reason; opening twice lands on the same debrief. The candidate page and the
// pipeline can both include it.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { formatList } from "@/lib/format-list";
import { openDebriefInput, REASON_MAX } from "@/lib/schemas/debriefs";
import { useTRPC } from "@/trpc/react";

type Props = {
  candidateId: string;
  stageId: string;
  stageName: string;
  /** The panelists who have not submitted yet: a reason is then needed. */
  missing: ReadonlyArray<{ id: string; name: string }>;
};

export function OpenDebriefForm({ candidateId, stageId, stageName, missing }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const t = useTranslations("debriefs");
  const locale = useLocale();
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const open = useMutation(trpc.debriefs.open.mutationOptions({ onSuccess: (result) => router.push(`/debriefs/${result.id}`) }));
  const problem = checked ?? fieldErrorFrom(open.error);
  // Someone may have been missing whom the page did not know of (a panelist added since): the server then
  // asks for the reason, naming them, and the field appears.
  const early = missing.length > 0 || open.error?.data?.field === "reason";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (early && reason.trim() === "") {
      setChecked({ message: t("openForm.reasonNeeded"), field: "reason" });
      return;
    }
    const result = validateForm(openDebriefInput, { candidateId, stageId, reason: early ? reason : undefined });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await open.mutateAsync(result.data);
    } catch {
      // shown from open.error
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-2 space-y-2" aria-label={t("openForm.label", { stage: stageName })} data-testid="open-debrief-form" noValidate>
      {early && (
        <p className="text-sm text-slate-700" id={`${id}-missing`} data-testid="open-debrief-missing">
          {t("openForm.missing", { names: formatList(missing.map((m) => m.name), locale) })}
        </p>
      )}
      {early && (
        <Field name="reason" id={`${id}-reason`} label={t("openForm.reason")} problem={problem}>
          {(control) => <LimitedTextField {...control} multiline limit={REASON_MAX} rows={2} className="field-input py-2" value={reason} onValueChange={setReason} />}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={open.isPending || open.isSuccess}>
          {open.isPending || open.isSuccess ? t("openForm.opening") : t("openForm.submit")}
        </button>
        {problem && problem.field !== "reason" && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
      </div>
    </form>
  );
}

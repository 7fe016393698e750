"use client";
// "Apply to another vacancy": a new candidacy of the same person (name, email and phone come with them).
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { applyToVacancyInput } from "@/lib/schemas/candidates";
import { useTRPC } from "@/trpc/react";
import { vacancyChoices } from "../candidate-fields";

/** `appliedTo`: the person's vacancies already (this candidacy's and the others'), left out of the choices. */
export function ApplyToVacancy({ candidateId, appliedTo }: { candidateId: string; appliedTo: string[] }) {
  const validateForm = useValidateForm();
  const t = useTranslations("candidates");
  const trpc = useTRPC();
  const router = useRouter();
  const vacancies = useQuery(trpc.candidates.vacancyOptions.queryOptions());
  const apply = useMutation(trpc.candidates.applyToVacancy.mutationOptions());
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(apply.error);
  const submission = useSubmissionKey();
  const choices = vacancyChoices(
    (vacancies.data ?? []).filter((v) => !appliedTo.includes(v.id)),
    t("fields.chooseVacancy"),
    (title) => t("fields.onHold", { title }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { candidateId, vacancyId: String(new FormData(event.currentTarget).get("vacancyId") ?? "") };
    const checked = validateForm(applyToVacancyInput, input);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      apply.reset();
      return;
    }
    try {
      const created = await apply.mutateAsync({ ...input, idempotencyKey: submission.current() });
      router.push(`/candidates/${created.id}`);
    } catch {
      // shown from apply.error
    }
  }

  return (
    <section aria-labelledby="apply-heading" className="card h-fit">
      <h2 id="apply-heading" className="text-lg font-semibold">{t("apply.title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("apply.hint")}</p>
      <form onSubmit={(event) => void onSubmit(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
        <SelectField id="apply-vacancyId" name="vacancyId" label={t("list.vacancy")} problem={problem} required defaultValue="" options={choices} />
        {vacancies.data && choices.length === 1 && <p className="text-sm text-slate-700">{t("apply.noOther")}</p>}
        {problem && !problem.field && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        {/* Stays disabled after success while the new candidacy opens: a second click is no second candidacy. */}
        <button type="submit" className="btn-secondary" disabled={apply.isPending || apply.isSuccess || choices.length === 1}>
          {apply.isPending ? t("apply.submitting") : t("apply.submit")}
        </button>
      </form>
    </section>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useUrlFilters } from "@/components/use-url-filters";
import { useSubmissionKey } from "@/components/use-submission-key";
import { createCandidateInput } from "@/lib/schemas/candidates";
import { useTRPC } from "@/trpc/react";
import { CANDIDATE_STATUS_LABELS, type CandidateStatusValue } from "../interviews/_components/status-labels";
import { CandidateFields, candidateFormValues, vacancyChoices } from "./candidate-fields";

const STATUSES = Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatusValue[];

export function CandidateList({ canCreate, showContact }: { canCreate: boolean; showContact: boolean }) {
  const validateForm = useValidateForm();
  const t = useTranslations("candidates");
  const trpc = useTRPC();
  const router = useRouter();
  const { params, query, draft, setDraft, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as CandidateStatusValue | "";
  const vacancy = params.get("vacancy") ?? "";
  const vacancies = useQuery(trpc.candidates.vacancyOptions.queryOptions());
  const candidates = useQuery({
    ...trpc.candidates.list.queryOptions({ query: query || undefined, status: status || undefined, vacancyId: vacancy || undefined }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(trpc.candidates.create.mutationOptions());
  // The form's own check (the procedure's schema) first, then what the server said.
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { ...candidateFormValues(form), vacancyId: String(form.get("vacancyId") ?? "") };
    const checked = validateForm(createCandidateInput, values);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      create.reset();
      return;
    }
    try {
      const created = await create.mutateAsync({ ...values, idempotencyKey: submission.current() });
      router.push(`/candidates/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  const count = candidates.data?.length ?? 0;
  const statusOptions = [{ value: "", label: t("list.anyStatus") }, ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))];
  const choices = vacancyChoices(vacancies.data, t("fields.chooseVacancy"), (title) => t("fields.onHold", { title }));
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <form role="search" aria-label={t("list.filterLabel")} className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
          <TextField id="candidate-search" name="query" label={t("list.search")} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <SelectField
            id="candidate-vacancy"
            name="vacancy"
            label={t("list.vacancy")}
            value={vacancy}
            onChange={(e) => update({ vacancy: e.target.value })}
            options={[{ value: "", label: t("list.allVacancies") }, ...(vacancies.data ?? []).map((v) => ({ value: v.id, label: v.title }))]}
          />
          <SelectField id="candidate-status" name="status" label={t("list.status")} value={status} onChange={(e) => update({ status: e.target.value })} options={statusOptions} />
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {candidates.isPending ? t("loading") : t("list.count", { count })}
        </p>
        <ErrorAlert error={candidates.error} className="mt-2" />
        <ul className="mt-3 space-y-3" aria-label={t("list.listLabel")}>
          {candidates.data?.map((c) => (
            <li key={c.id} className="card flex flex-wrap items-start justify-between gap-3">
              <div>
                <Link href={`/candidates/${c.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                  {c.name}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  {c.vacancyTitle}
                  {c.stageName ? ` · ${c.stageName}` : ""} · {t("list.interviews", { count: c.interviewCount })}
                  {showContact && c.email ? ` · ${c.email}` : ""}
                </p>
              </div>
              <span className="chip">{t(`status.${c.status}`)}</span>
            </li>
          ))}
        </ul>
        {candidates.data && count === 0 && (
          <p className="card mt-3 text-slate-700">{query || status || vacancy ? t("list.noMatch") : t("list.none")}</p>
        )}
      </div>
      {canCreate && (
        <section aria-labelledby="new-candidate-heading" className="card h-fit">
          <h2 id="new-candidate-heading" className="text-lg font-semibold">{t("create.title")}</h2>
          <form onSubmit={(event) => void onCreate(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
            <SelectField
              id="new-candidate-vacancyId"
              name="vacancyId"
              label={t("list.vacancy")}
              problem={problem}
              required
              defaultValue=""
              options={choices}
            />
            {vacancies.data && choices.length === 1 && (
              <p className="text-sm text-slate-700">
                {t.rich("create.noVacancy", {
                  link: (chunks) => (
                    <Link href="/vacancies" className="font-semibold text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            )}
            <CandidateFields idPrefix="new-candidate" problem={problem} />
            {problem && !problem.field && (
              <Alert variant="plain" className="text-sm">
                {problem.message}
              </Alert>
            )}
            {/* Stays disabled after success while the candidate's page opens: a second click is no second candidate. */}
            <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
              {create.isPending ? t("create.submitting") : t("create.submit")}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

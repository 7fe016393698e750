"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useUrlFilters } from "@/components/use-url-filters";
import type { Role } from "@/lib/schemas/common";
import { createVacancyInput, VACANCY_STATUS_LABELS, type VacancyStatusValue } from "@/lib/schemas/vacancies";
import { useTRPC } from "@/trpc/react";
import { describeCounts, describeDates } from "./_components/vacancy-format";
import { VacancyFields, vacancyFormValues } from "./_components/vacancy-fields";
import { ManagerChoices } from "./_components/manager-choices";

const STATUSES = Object.keys(VACANCY_STATUS_LABELS) as VacancyStatusValue[];

export function VacancyList({ canCreate, viewerRole, viewerId }: { canCreate: boolean; viewerRole: Role | null; viewerId: string }) {
  const t = useTranslations("vacancies");
  const format = useFormatter();
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as VacancyStatusValue | "";
  const vacancies = useQuery({ ...trpc.vacancies.list.queryOptions({ status: status || undefined }), placeholderData: keepPreviousData });
  const rows = vacancies.data?.vacancies ?? [];
  const statusOptions = [{ value: "", label: t("list.anyStatus") }, ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))];
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div>
        <form role="search" aria-label={t("list.filterLabel")} className="max-w-xs" onSubmit={(e) => e.preventDefault()}>
          <SelectField id="vacancy-status-filter" name="status" label={t("list.status")} value={status} onChange={(e) => update({ status: e.target.value })} options={statusOptions} />
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {vacancies.isPending ? t("loading") : t("list.count", { count: rows.length })}
        </p>
        {vacancies.data?.scoped && <p className="mt-1 text-sm text-slate-700">{t("scopedNote")}</p>}
        <ErrorAlert error={vacancies.error} className="mt-2" />
        <ul className="mt-3 space-y-3" aria-label={t("list.listLabel")}>
          {rows.map((v) => {
            const dates = describeDates(v.opensOn, v.closesOn, t, format);
            const where = [v.department, v.location].filter(Boolean).join(" · ");
            return (
              <li key={v.id} className="card flex flex-wrap items-start justify-between gap-3" data-testid="vacancy-row">
                <div className="min-w-0">
                  <Link href={`/vacancies/${v.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                    {v.title}
                  </Link>
                  {where && <p className="mt-1 text-sm text-slate-700">{where}</p>}
                  <p className="mt-1 text-sm text-slate-700">
                    {t("posts", { count: v.posts })} · {describeCounts(v.counts, t)}
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    {v.managers.length ? t("managedBy", { names: v.managers.map((m) => m.name).join(", ") }) : t("managedByNoOne")}
                    {dates ? ` · ${dates}` : ""}
                  </p>
                </div>
                <span className="chip">{t(`status.${v.status}`)}</span>
              </li>
            );
          })}
        </ul>
        {vacancies.data && rows.length === 0 && <p className="card mt-3 text-slate-700">{status ? t("list.noMatch") : t("list.none")}</p>}
      </div>
      {canCreate && <NewVacancyForm viewerRole={viewerRole} viewerId={viewerId} />}
    </div>
  );
}

function NewVacancyForm({ viewerRole, viewerId }: { viewerRole: Role | null; viewerId: string }) {
  const validateForm = useValidateForm();
  const t = useTranslations("vacancies");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.vacancies.create.mutationOptions());
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      ...vacancyFormValues(form),
      status: String(form.get("status") ?? "OPEN") as VacancyStatusValue,
      managerIds: form.getAll("managerIds").map(String),
    };
    const checked = validateForm(createVacancyInput, values);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      create.reset();
      return;
    }
    try {
      const created = await create.mutateAsync({ ...values, idempotencyKey: submission.current() });
      router.push(`/vacancies/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  return (
    <section aria-labelledby="new-vacancy-heading" className="card h-fit">
      <h2 id="new-vacancy-heading" className="text-lg font-semibold">{t("create.title")}</h2>
      <form onSubmit={(event) => void onCreate(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
        <VacancyFields idPrefix="new-vacancy" problem={problem} />
        <ManagerChoices idPrefix="new-vacancy" name="managerIds" problem={problem} creatorId={viewerRole === "ADMIN" ? undefined : viewerId} />
        {problem && !problem.field && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        {/* Stays disabled after success while the vacancy's page opens: a second click is no second vacancy. */}
        <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
          {create.isPending ? t("create.submitting") : t("create.submit")}
        </button>
      </form>
    </section>
  );
}

"use client";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { INTERVIEW_STATUS_LABELS, type InterviewStatusValue } from "./_components/status-labels";

const STATUSES = Object.keys(INTERVIEW_STATUS_LABELS) as InterviewStatusValue[];
import { When } from "./_components/when";

/** "2026-11-30" from a date input, as the start of that day in the reader's time zone. */
function dayStart(value: string, plusDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays);
}

export function InterviewList() {
  const t = useTranslations("interviews");
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as InterviewStatusValue | "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const interviews = useQuery({
    ...trpc.interviews.list.queryOptions({
      status: status || undefined,
      from: dayStart(from),
      to: dayStart(to, 1),
    }),
    placeholderData: keepPreviousData,
  });
  const count = interviews.data?.length ?? 0;
  return (
    <div>
      <form aria-label={t("list.filterLabel")} className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="status"
          id="interview-status"
          label={t("list.status")}
          value={status}
          onChange={(e) => update({ status: e.target.value })}
          options={[{ value: "", label: t("list.anyStatus") }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <TextField name="from" id="interview-from" label={t("list.from")} type="date" value={from} onChange={(e) => update({ from: e.target.value })} />
        <TextField name="to" id="interview-to" label={t("list.to")} type="date" value={to} onChange={(e) => update({ to: e.target.value })} />
      </form>
      <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
        {interviews.isPending ? t("loading") : t("list.count", { count })}
      </p>
      <ErrorAlert error={interviews.error} className="mt-2" />
      <ul className="mt-3 space-y-3" aria-label={t("list.listLabel")}>
        {interviews.data?.map((i) => (
          <li key={i.id} className="card flex flex-wrap items-start justify-between gap-3">
            <div>
              <Link href={`/interviews/${i.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                {i.candidateName}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                {i.vacancyTitle}
                {i.stageName ? ` · ${i.stageName}` : ""} · {i.scriptTitle}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                <When date={i.scheduledAt} />
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="chip">{t(`status.${i.status}`)}</span>
              <span>{t("list.submitted", { submitted: i.submittedCount, panel: i.panelCount })}</span>
            </div>
          </li>
        ))}
      </ul>
      {interviews.data && count === 0 && (
        <p className="card mt-3 text-slate-700">{status || from || to ? t("list.noMatch") : t("list.none")}</p>
      )}
    </div>
  );
}

"use client";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { INTERVIEW_STATUS_LABELS, type InterviewStatusValue } from "./_components/status-labels";
import { When } from "./_components/when";

/** "2026-11-30" from a date input, as the start of that day in the reader's time zone. */
function dayStart(value: string, plusDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays);
}

export function InterviewList() {
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
      <form aria-label="Filter interviews" className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="interview-status" className="field-label">Status</label>
          <select id="interview-status" className="field-input" value={status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">Any status</option>
            {(Object.keys(INTERVIEW_STATUS_LABELS) as InterviewStatusValue[]).map((s) => (
              <option key={s} value={s}>
                {INTERVIEW_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="interview-from" className="field-label">From</label>
          <input id="interview-from" type="date" className="field-input" value={from} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="interview-to" className="field-label">To</label>
          <input id="interview-to" type="date" className="field-input" value={to} onChange={(e) => update({ to: e.target.value })} />
        </div>
      </form>
      <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
        {interviews.isPending ? "Loading interviews…" : `${count} interview${count === 1 ? "" : "s"}`}
      </p>
      {interviews.isError && <p role="alert" className="mt-2 text-red-800">{interviews.error.message}</p>}
      <ul className="mt-3 space-y-3" aria-label="Interviews">
        {interviews.data?.map((i) => (
          <li key={i.id} className="card flex flex-wrap items-start justify-between gap-3">
            <div>
              <Link href={`/interviews/${i.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                {i.candidateName}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                {i.position} · {i.scriptTitle}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                <When date={i.scheduledAt} />
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="chip">{INTERVIEW_STATUS_LABELS[i.status]}</span>
              <span>
                {i.submittedCount} of {i.panelCount} scorecards submitted
              </span>
            </div>
          </li>
        ))}
      </ul>
      {interviews.data && count === 0 && (
        <p className="card mt-3 text-slate-700">{status || from || to ? "No interviews match these filters." : "No interviews yet."}</p>
      )}
    </div>
  );
}

"use client";
// The background jobs, failed first, then by when they run.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { RouterOutputs } from "@/trpc/types";

type Job = RouterOutputs["jobs"]["list"]["jobs"][number];

/** The table's columns in the page's language; times in UTC, as the job queue keeps them. */
function useColumns(): Array<ColumnDef<Job>> {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const when = (date: Date) => `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return [

  {
    id: "job",
    header: t("table.job"),
    cell: ({ row: { original: job } }) => (
      <span>
        {t.has(`task.${job.task}`) ? t(`task.${job.task}`) : job.task}
        {job.kind ? <span className="text-slate-600"> ({job.kind.replace(/-/g, " ")})</span> : null}
        <span className="block text-xs text-slate-600">#{job.id} · {job.scope === "system" ? t("table.allOrganisations") : t("table.thisOrganisation")}</span>
      </span>
    ),
  },
  { id: "state", header: t("table.stateHeader"), cell: ({ row }) => t(`state.${row.original.state}`) },
  {
    id: "attempts",
    header: t("table.attempts"),
    cell: ({ row: { original: job } }) => (
      <>
        {t("table.attemptsOf", { attempts: job.attempts, max: job.maxAttempts })}
        {job.attempts > 1 ? <span className="block text-xs text-slate-600">{t("table.retried", { count: job.attempts - 1 })}</span> : null}
      </>
    ),
  },
  { id: "runAt", header: t("table.runsAt"), cell: ({ row }) => when(row.original.runAt) },
  { id: "lastError", header: t("table.lastError"), cell: ({ row }) => <span className="break-words text-red-800">{row.original.lastError ?? ""}</span> },
  ];
}

export function JobsTable({ jobs }: { jobs: Job[] }) {
  const t = useTranslations("jobs.table");
  const columns = useColumns();
  return (
    <DataTable
      label={t("label")}
      caption={t("caption")}
      columns={columns}
      data={jobs}
      rowKey={(job) => job.id}
      minWidth="min-w-[40rem]"
      testId="jobs-table"
      rowTestId="job-row"
    />
  );
}

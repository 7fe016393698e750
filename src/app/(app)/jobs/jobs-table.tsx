"use client";
// The background jobs, failed first, then by when they run.
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { RouterOutputs } from "@/trpc/types";
import { STATE_LABELS, TASK_LABELS } from "./job-labels";

type Job = RouterOutputs["jobs"]["list"]["jobs"][number];

const when = (date: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";

const columns: Array<ColumnDef<Job>> = [
  {
    id: "job",
    header: "Job",
    cell: ({ row: { original: job } }) => (
      <span>
        {TASK_LABELS[job.task] ?? job.task}
        {job.kind ? <span className="text-slate-600"> ({job.kind.replace(/-/g, " ")})</span> : null}
        <span className="block text-xs text-slate-600">#{job.id} · {job.scope === "system" ? "all organisations" : "this organisation"}</span>
      </span>
    ),
  },
  { id: "state", header: "State", cell: ({ row }) => STATE_LABELS[row.original.state] },
  {
    id: "attempts",
    header: "Attempts",
    cell: ({ row: { original: job } }) => (
      <>
        {job.attempts} of {job.maxAttempts}
        {job.attempts > 1 ? <span className="block text-xs text-slate-600">retried {job.attempts - 1}×</span> : null}
      </>
    ),
  },
  { id: "runAt", header: "Runs at", cell: ({ row }) => when(row.original.runAt) },
  { id: "lastError", header: "Last error", cell: ({ row }) => <span className="break-words text-red-800">{row.original.lastError ?? ""}</span> },
];

export function JobsTable({ jobs }: { jobs: Job[] }) {
  return (
    <DataTable
      label="Background jobs"
      caption="Background jobs, failed first, then by when they run"
      columns={columns}
      data={jobs}
      rowKey={(job) => job.id}
      minWidth="min-w-[40rem]"
      testId="jobs-table"
      rowTestId="job-row"
    />
  );
}

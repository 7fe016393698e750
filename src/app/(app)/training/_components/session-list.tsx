"use client";
// A member's practice sessions with their figures, newest first.
import Link from "next/link";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { signed } from "@/lib/training/practice-readings";
import type { RouterOutputs } from "@/trpc/types";

type Row = RouterOutputs["training"]["sessions"]["sessions"][number];

const day = (date: Date) => date.toISOString().slice(0, 10);
const figure = (value: number | null) => (value === null ? "—" : value.toFixed(2));

const columns: Array<ColumnDef<Row>> = [
  {
    header: "Script",
    cell: ({ row }) => (
      <Link href={`/training/sessions/${row.original.id}`} className="underline-offset-2 hover:underline">
        {row.original.scriptTitle} (version {row.original.version})
      </Link>
    ),
  },
  { header: "Started", cell: ({ row }) => day(row.original.startedAt) },
  { header: "Status", cell: ({ row }) => (row.original.status === "COMPLETED" ? `Finished ${day(row.original.completedAt ?? row.original.startedAt)}` : "In progress") },
  { header: "Mean abs. difference", cell: ({ row }) => figure(row.original.meanAbsDiff) },
  { header: "Bias", cell: ({ row }) => (row.original.bias === null ? "—" : signed(row.original.bias)) },
  { header: "Separation", cell: ({ row }) => figure(row.original.separation) },
];

export function SessionList({ sessions }: { sessions: readonly Row[] }) {
  return (
    <div className="mt-3">
      <DataTable
        label="Practice sessions"
        columns={columns}
        data={sessions}
        rowKey={(r) => r.id}
        testId="practice-sessions"
        rowTestId="practice-session-row"
        minWidth="min-w-[40rem]"
        empty={<p className="card text-slate-700">No practice sessions yet.</p>}
      />
    </div>
  );
}

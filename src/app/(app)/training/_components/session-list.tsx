"use client";
// A member's practice sessions with their figures, newest first.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { RouterOutputs } from "@/trpc/types";
import { useFigures } from "./use-figures";

type Row = RouterOutputs["training"]["sessions"]["sessions"][number];

const day = (date: Date) => date.toISOString().slice(0, 10);

export function SessionList({ sessions }: { sessions: readonly Row[] }) {
  const t = useTranslations("training");
  const { figure, signed } = useFigures();
  const columns: Array<ColumnDef<Row>> = [
    {
      header: t("sessions.script"),
      cell: ({ row }) => (
        <Link href={`/training/sessions/${row.original.id}`} className="underline-offset-2 hover:underline">
          {t("versionOf", { title: row.original.scriptTitle, version: row.original.version })}
        </Link>
      ),
    },
    { header: t("sessions.started"), cell: ({ row }) => day(row.original.startedAt) },
    {
      header: t("sessions.status"),
      cell: ({ row }) =>
        row.original.status === "COMPLETED" ? t("sessions.finished", { date: day(row.original.completedAt ?? row.original.startedAt) }) : t("sessions.inProgress"),
    },
    { header: t("sessions.meanAbsDiff"), cell: ({ row }) => figure(row.original.meanAbsDiff) },
    { header: t("sessions.bias"), cell: ({ row }) => (row.original.bias === null ? "—" : signed(row.original.bias)) },
    { header: t("sessions.separation"), cell: ({ row }) => figure(row.original.separation) },
  ];
  return (
    <div className="mt-3">
      <DataTable
        label={t("sessions.label")}
        columns={columns}
        data={sessions}
        rowKey={(r) => r.id}
        testId="practice-sessions"
        rowTestId="practice-session-row"
        minWidth="min-w-[40rem]"
        empty={<p className="card text-slate-700">{t("sessions.none")}</p>}
      />
    </div>
  );
}

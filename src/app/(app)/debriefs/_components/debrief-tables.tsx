"use client";
// The debrief's two tables on the shared DataTable: the mechanical result per competency, and one queued
// disagreement's ratings and evidence notes per panelist (in panel order).
import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { DebriefView } from "@/lib/schemas/debriefs";
import { figure, type NumberFormatter } from "./format";

type CompetencyRow = DebriefView["mechanical"]["competencies"][number];
type RatingRow = DebriefView["queue"][number]["ratings"][number] & { note: string | null; key: string };

type T = ReturnType<typeof useTranslations<"debriefs.tables">>;

const competencyColumns = (t: T, format: NumberFormatter): Array<ColumnDef<CompetencyRow>> => [
  { header: t("competency"), accessorKey: "name" },
  { header: t("weight"), cell: ({ row }) => (row.original.weight > 0 ? row.original.weight : t("notWeighted")) },
  { header: t("mean"), cell: ({ row }) => figure(row.original.mean, format) },
  { header: t("n"), cell: ({ row }) => row.original.n },
  {
    header: t("afterDebrief"),
    cell: ({ row }) => {
      const { mean, meanAfter } = row.original;
      const moved = mean !== null && meanAfter !== null && Math.abs(mean - meanAfter) > 1e-9;
      return moved ? <strong>{figure(meanAfter, format)}</strong> : figure(meanAfter, format);
    },
  },
];

export function MechanicalTable({ competencies }: { competencies: CompetencyRow[] }) {
  const t = useTranslations("debriefs.tables");
  const format = useFormatter();
  return (
    <DataTable
      label={t("meansLabel")}
      caption={t("meansCaption")}
      columns={competencyColumns(t, format)}
      data={competencies}
      rowKey={(r) => r.id}
      testId="mechanical-table"
      rowTestId="mechanical-row"
      minWidth="min-w-[32rem]"
    />
  );
}

const ratingColumns = (t: T, level: (score: number) => string): Array<ColumnDef<RatingRow>> => [
  { header: t("panelist"), accessorKey: "panelistName" },
  {
    header: t("rating"),
    cell: ({ row }) => {
      const { score, notAssessed } = row.original;
      if (score !== null) return t("ratingValue", { score, label: level(score) });
      return notAssessed ? t("notAssessed") : t("noRating");
    },
  },
  { header: t("evidenceNote"), cell: ({ row }) => (row.original.note ? <p className="whitespace-pre-wrap">{row.original.note}</p> : <span className="text-slate-600">{t("noNote")}</span>) },
];

export function RatingsTable({ label, ratings, notes }: { label: string; ratings: DebriefView["queue"][number]["ratings"]; notes: DebriefView["queue"][number]["notes"] }) {
  const t = useTranslations("debriefs.tables");
  const levels = useTranslations("debriefs.levels");
  const level = (score: number) => (score >= 1 && score <= 4 ? levels(String(score) as "1" | "2" | "3" | "4") : String(score));
  const noteOf = new Map(notes.map((n) => [n.panelistId, n.body]));
  const rows = ratings.map((r, i) => ({ ...r, note: noteOf.get(r.panelistId) ?? null, key: `${i}-${r.panelistId}` }));
  return <DataTable label={label} columns={ratingColumns(t, level)} data={rows} rowKey={(r) => r.key} testId="queue-ratings" rowTestId="queue-rating" minWidth="min-w-[30rem]" />;
}

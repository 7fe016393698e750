"use client";
// The debrief's two tables on the shared DataTable: the mechanical result per competency, and one queued
// disagreement's ratings and evidence notes per panelist (in panel order).
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ratingLabel } from "@/lib/rating-scale";
import type { DebriefView } from "@/lib/schemas/debriefs";
import { figure } from "./format";

type CompetencyRow = DebriefView["mechanical"]["competencies"][number];
type RatingRow = DebriefView["queue"][number]["ratings"][number] & { note: string | null; key: string };

const competencyColumns: Array<ColumnDef<CompetencyRow>> = [
  { header: "Competency", accessorKey: "name" },
  { header: "Weight", cell: ({ row }) => (row.original.weight > 0 ? row.original.weight : "not weighted") },
  { header: "Mean", cell: ({ row }) => figure(row.original.mean) },
  { header: "n", cell: ({ row }) => row.original.n },
  {
    header: "After the debrief",
    cell: ({ row }) => {
      const { mean, meanAfter } = row.original;
      const moved = mean !== null && meanAfter !== null && Math.abs(mean - meanAfter) > 1e-9;
      return moved ? <strong>{figure(meanAfter)}</strong> : figure(meanAfter);
    },
  },
];

export function MechanicalTable({ competencies }: { competencies: CompetencyRow[] }) {
  return (
    <DataTable
      label="Per-competency means"
      caption="Each competency's weight, the mean of the panel's ratings with the number of ratings, and the mean with the debrief's consensus entries"
      columns={competencyColumns}
      data={competencies}
      rowKey={(r) => r.id}
      testId="mechanical-table"
      rowTestId="mechanical-row"
      minWidth="min-w-[32rem]"
    />
  );
}

const ratingColumns: Array<ColumnDef<RatingRow>> = [
  { header: "Panelist", accessorKey: "panelistName" },
  {
    header: "Rating",
    cell: ({ row }) => {
      const { score, notAssessed } = row.original;
      if (score !== null) return `${score} · ${ratingLabel(score)}`;
      return notAssessed ? "Not assessed" : "No rating";
    },
  },
  { header: "Evidence note", cell: ({ row }) => (row.original.note ? <p className="whitespace-pre-wrap">{row.original.note}</p> : <span className="text-slate-600">No note</span>) },
];

export function RatingsTable({ label, ratings, notes }: { label: string; ratings: DebriefView["queue"][number]["ratings"]; notes: DebriefView["queue"][number]["notes"] }) {
  const noteOf = new Map(notes.map((n) => [n.panelistId, n.body]));
  const rows = ratings.map((r, i) => ({ ...r, note: noteOf.get(r.panelistId) ?? null, key: `${i}-${r.panelistId}` }));
  return <DataTable label={label} columns={ratingColumns} data={rows} rowKey={(r) => r.key} testId="queue-ratings" rowTestId="queue-rating" minWidth="min-w-[30rem]" />;
}

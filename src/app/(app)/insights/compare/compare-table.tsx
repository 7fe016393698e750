"use client";
// The comparison table: TanStack Table does the sorting; the sort lives in the URL (sort=<column>:<asc|desc>)
// so that a shared link, the print-out and the CSV export all show the rows in the same order.
import Link from "next/link";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Table,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { cellAt, meanAt } from "@/lib/insights/comparison-cells";
import { CANDIDATE_STATUS_LABELS } from "../../interviews/_components/status-labels";
import {
  formatMean,
  formatWeight,
  plural,
  recommendationTally,
  type CompareResult,
  type CompareRow,
} from "../_components/insights-format";

export type SortState = { id: string; desc: boolean };

export function parseSort(value: string | null): SortState | null {
  const match = /^(.+):(asc|desc)$/.exec(value ?? "");
  return match ? { id: match[1]!, desc: match[2] === "desc" } : null;
}

export const competencyColumnId = (competencyId: string) => `c:${competencyId}`;

/** How the export routes name a column to sort by: a competency by its id, the others by their field. */
export function exportSortKey(columnId: string): string {
  if (columnId.startsWith("c:")) return columnId.slice(2);
  return { candidate: "label", weighted: "weightedScore" }[columnId] ?? columnId;
}

type Meta = { header: string; numeric: boolean };

/** The table model for a comparison result, sorted as the URL says. */
export function useCompareTable({
  result,
  sort,
  blind,
  onSort,
}: {
  result: CompareResult | undefined;
  sort: SortState | null;
  blind: boolean;
  onSort: (next: SortState | null) => void;
}): Table<CompareRow> {
  const competencies = result?.competencies;
  const columns = useMemo<ColumnDef<CompareRow>[]>(() => {
    const suffix = blind ? "?blind=1" : "";
    return [
      {
        id: "candidate",
        accessorFn: (row) => row.label,
        meta: { header: "Candidate", numeric: false } satisfies Meta,
        sortingFn: "alphanumeric",
        cell: ({ row }) => (
          <>
            <Link href={`/insights/candidates/${row.original.candidateId}${suffix}`} className="font-semibold text-brand-700 underline">
              {row.original.label}
            </Link>
            <span className="block text-xs text-slate-600">{row.original.position}</span>
          </>
        ),
      },
      {
        id: "status",
        accessorFn: (row) => CANDIDATE_STATUS_LABELS[row.status as keyof typeof CANDIDATE_STATUS_LABELS] ?? row.status,
        meta: { header: "Status", numeric: false } satisfies Meta,
        cell: ({ getValue }) => <span className="chip">{String(getValue())}</span>,
      },
      ...(competencies ?? []).map(
        (c, index): ColumnDef<CompareRow> => ({
          id: competencyColumnId(c.id),
          accessorFn: (row) => meanAt(row, index) ?? undefined,
          sortUndefined: "last",
          sortDescFirst: true,
          meta: { header: [c.name, formatWeight(c.weight)].filter(Boolean).join(" · "), numeric: true } satisfies Meta,
          cell: ({ row }) => {
            const cell = cellAt(row.original, index);
            const n = cell.n;
            return (
              <>
                <span data-testid="mean" className="font-semibold tabular-nums">
                  {formatMean(cell.mean)}
                </span>
                <span className="block text-xs text-slate-600">
                  n={n}
                  <span className="sr-only"> {n === 1 ? "rating" : "ratings"}</span>
                </span>
              </>
            );
          },
        }),
      ),
      {
        id: "weighted",
        accessorFn: (row) => row.weightedScore ?? undefined,
        sortUndefined: "last",
        sortDescFirst: true,
        meta: { header: "Weighted score", numeric: true } satisfies Meta,
        cell: ({ row }) => (
          <span data-testid="mean" className="font-semibold tabular-nums">
            {formatMean(row.original.weightedScore, 2)}
          </span>
        ),
      },
      {
        id: "recommendations",
        // Sorts by net support: strong yes counts twice, strong no against twice.
        accessorFn: (row) =>
          2 * row.recommendations.STRONG_YES + row.recommendations.YES - row.recommendations.NO - 2 * row.recommendations.STRONG_NO,
        sortDescFirst: true,
        meta: { header: "Recommendations", numeric: false } satisfies Meta,
        cell: ({ row }) => <span className="text-sm">{recommendationTally(row.original.recommendations)}</span>,
      },
      {
        id: "scorecards",
        accessorFn: (row) => row.scorecards,
        sortDescFirst: true,
        meta: { header: "Scorecards", numeric: true } satisfies Meta,
        cell: ({ row }) => (
          <>
            <span className="tabular-nums">{row.original.scorecards}</span>
            <span className="block text-xs text-slate-600">{plural(row.original.interviews, "interview")}</span>
          </>
        ),
      },
    ];
  }, [competencies, blind]);

  // Stable identities, so TanStack's memoised row models (and the chart fed from them) don't recompute each render.
  const sortId = sort?.id;
  const sortDesc = sort?.desc;
  const sorting = useMemo<SortingState>(() => (sortId ? [{ id: sortId, desc: !!sortDesc }] : []), [sortId, sortDesc]);
  const data = useMemo(() => result?.rows ?? [], [result]);
  // TanStack Table keeps its own mutable model, which the React Compiler can't memoise; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data,
    columns,
    state: { sorting },
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      onSort(next[0] ?? null);
    },
    getRowId: (row) => row.candidateId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}

export function CompareTable({ table, blind }: { table: Table<CompareRow>; blind: boolean }) {
  return (
    <section aria-labelledby="comparison-heading" className="card">
      <h2 id="comparison-heading" className="text-lg font-semibold">
        Comparison
      </h2>
      <div className="mt-3 overflow-x-auto relative">
        <table className="w-full min-w-max text-left text-sm" data-testid="comparison-table">
          <caption className="mb-2 text-left text-sm text-slate-700">
            Mean rating per competency (1 does not meet, 4 exceeds); n is the number of ratings behind each mean, not counting
            &ldquo;not assessed&rdquo;. The weighted score uses the script&apos;s competency weights.
            {blind ? " Blind review: candidates are shown by label." : ""} Select a column heading to sort.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-slate-300">
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as Meta;
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      data-column={header.column.id}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={`py-1 pr-3 align-bottom font-semibold ${meta.numeric ? "text-right" : ""}`}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex min-h-11 items-center gap-1 rounded px-1 text-left hover:bg-slate-100 print:min-h-0"
                      >
                        {meta.header}
                        <span aria-hidden="true" className="text-slate-500">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 align-top">
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta as Meta;
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  return cell.column.id === "candidate" ? (
                    <th key={cell.id} scope="row" data-column={cell.column.id} className="py-2 pr-3 font-normal">
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} data-column={cell.column.id} className={`py-2 pr-3 ${meta.numeric ? "text-right" : ""}`}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
  type ColumnPinningState,
  type SortingState,
  type Table,
  type VisibilityState,
} from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { blindLabelGaps } from "@/lib/insights/blind-label-gaps";
import { cellAt, meanAt } from "@/lib/insights/comparison-cells";
import { formatMean, formatWeight, type CompareResult, type CompareRow } from "../_components/insights-format";
import { latestOutcomeWords, recommendationTally, statusWord } from "../_components/insights-words";

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

/** `target`: a competency the script weighs (shown by default). */
type Meta = { header: string; numeric: boolean; target?: boolean };

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
  const words = useTranslations("insights");
  const t = useTranslations("insights.compare");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<CompareRow>[]>(() => {
    const suffix = blind ? "?blind=1" : "";
    return [
      {
        id: "candidate",
        accessorFn: (row) => row.label,
        meta: { header: t("candidate"), numeric: false } satisfies Meta,
        sortingFn: "alphanumeric",
        cell: ({ row }) => (
          <>
            <Link href={`/insights/candidates/${row.original.candidateId}${suffix}`} className="font-semibold text-brand-700 underline">
              {row.original.label}
            </Link>
            <span className="block text-xs text-slate-600">{row.original.vacancy}</span>
          </>
        ),
      },
      {
        id: "weighted",
        accessorFn: (row) => row.weightedScore ?? undefined,
        sortUndefined: "last",
        sortDescFirst: true,
        meta: { header: t("weighted"), numeric: true } satisfies Meta,
        cell: ({ row }) => (
          <span data-testid="mean" className="font-semibold tabular-nums">
            {formatMean(row.original.weightedScore, format, 2)}
          </span>
        ),
      },
      {
        id: "recommendations",
        // Sorts by net support: strong yes counts twice, strong no against twice.
        accessorFn: (row) =>
          2 * row.recommendations.STRONG_YES + row.recommendations.YES - row.recommendations.NO - 2 * row.recommendations.STRONG_NO,
        sortDescFirst: true,
        meta: { header: t("recommendationsColumn"), numeric: false } satisfies Meta,
        cell: ({ row }) => <span className="text-sm">{recommendationTally(words, row.original.recommendations)}</span>,
      },
      {
        id: "status",
        accessorFn: (row) => statusWord(words, row.status),
        meta: { header: t("statusColumn"), numeric: false } satisfies Meta,
        cell: ({ getValue }) => <span className="chip">{String(getValue())}</span>,
      },
      {
        // The most recent decision (outcome and the stage it was taken at), or where an undecided candidate is.
        id: "outcome",
        accessorFn: (row) => latestOutcomeWords(words, row.outcome, row.outcomeStage) || undefined,
        sortUndefined: "last",
        meta: { header: t("latestOutcome"), numeric: false } satisfies Meta,
        cell: ({ row }) => (
          <span className="text-sm" data-testid="latest-outcome">
            {latestOutcomeWords(words, row.original.outcome, row.original.outcomeStage) || words("none")}
          </span>
        ),
      },
      ...(competencies ?? []).map(
        (c, index): ColumnDef<CompareRow> => ({
          id: competencyColumnId(c.id),
          accessorFn: (row) => meanAt(row, index) ?? undefined,
          sortUndefined: "last",
          sortDescFirst: true,
          meta: {
            header: formatWeight(c.weight, format) ? t("competencyWeight", { name: c.name, weight: formatWeight(c.weight, format)! }) : c.name,
            numeric: true,
            target: (c.weight ?? 0) > 0,
          } satisfies Meta,
          cell: ({ row }) => {
            const cell = cellAt(row.original, index);
            const n = cell.n;
            return (
              <>
                <span data-testid="mean" className="font-semibold tabular-nums">
                  {formatMean(cell.mean, format)}
                </span>
                <span className="block text-xs text-slate-600">
                  {t("n", { n })}
                  <span className="sr-only"> {t("ratingsSr", { n })}</span>
                </span>
              </>
            );
          },
        }),
      ),
      {
        id: "scorecards",
        accessorFn: (row) => row.scorecards,
        sortDescFirst: true,
        meta: { header: t("scorecards"), numeric: true } satisfies Meta,
        cell: ({ row }) => (
          <>
            <span className="tabular-nums">{row.original.scorecards}</span>
            <span className="block text-xs text-slate-600">{t("interviews", { count: row.original.interviews })}</span>
          </>
        ),
      },
    ];
  }, [competencies, blind, words, t, format]);

  // Competency columns shown: the user's choice once they make one, otherwise the script's target
  // competencies (those with a weight), or every competency when no script weighs any.
  const [chosen, setChosen] = useState<VisibilityState | null>(null);
  const columnVisibility = useMemo<VisibilityState>(() => {
    if (chosen) return chosen;
    const targets = (competencies ?? []).filter((c) => (c.weight ?? 0) > 0);
    const shown = new Set((targets.length ? targets : (competencies ?? [])).map((c) => c.id));
    return Object.fromEntries((competencies ?? []).map((c) => [competencyColumnId(c.id), shown.has(c.id)]));
  }, [chosen, competencies]);

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
    state: { sorting, columnVisibility, columnPinning: CANDIDATE_PINNED },
    onColumnVisibilityChange: (updater) => setChosen(typeof updater === "function" ? updater(columnVisibility) : updater),
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

/** The sort direction as a picture (hidden from screen readers, which read aria-sort). */
const SORT_ARROWS = { asc: "▲", desc: "▼", none: "↕" } as const;
const sortArrow = (sorted: false | "asc" | "desc") => SORT_ARROWS[sorted || "none"];

// The candidate stays in view while the competency columns scroll sideways.
const CANDIDATE_PINNED: ColumnPinningState = { left: ["candidate"] };
const PINNED_CELL = "sticky left-0 z-10 bg-white print:static";

export function CompareTable({ table, blind }: { table: Table<CompareRow>; blind: boolean }) {
  const t = useTranslations("insights.compare");
  return (
    <section aria-labelledby="comparison-heading" className="card">
      <h2 id="comparison-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <CompetencyColumnChooser table={table} />
      <div className="mt-3 overflow-x-auto relative" data-testid="comparison-scroll">
        <table className="w-full min-w-max text-left text-sm" data-testid="comparison-table">
          <caption className="mb-2 text-left text-sm text-slate-700">
            {t("caption")}
            {blind ? ` ${t("captionBlind")}` : ""} {t("captionSort")}
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
                      className={`py-1 pr-3 align-bottom font-semibold ${meta.numeric ? "text-right" : ""} ${header.column.getIsPinned() ? PINNED_CELL : ""}`}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex min-h-11 items-center gap-1 rounded px-1 text-left hover:bg-slate-100 print:min-h-0"
                      >
                        {meta.header}
                        <span aria-hidden="true" className="text-slate-500">
                          {sortArrow(sorted)}
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
                    <th key={cell.id} scope="row" data-column={cell.column.id} className={`py-2 pr-3 font-normal ${PINNED_CELL}`}>
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
      {blind && <BlindLabelGapsNote rows={table.getRowModel().rows.map((row) => row.original)} />}
    </section>
  );
}

/** Checkboxes for the competency columns, with shortcuts to all of them or the script's targets only. */
function CompetencyColumnChooser({ table }: { table: Table<CompareRow> }) {
  const t = useTranslations("insights.compare");
  const columns = table.getAllLeafColumns().filter((column) => column.id.startsWith("c:"));
  if (columns.length === 0) return null;
  const metaOf = (column: (typeof columns)[number]) => column.columnDef.meta as Meta;
  const hasTargets = columns.some((column) => metaOf(column).target);
  const setAll = (shown: (meta: Meta) => boolean) =>
    table.setColumnVisibility((previous) => ({ ...previous, ...Object.fromEntries(columns.map((c) => [c.id, shown(metaOf(c))])) }));
  return (
    <fieldset className="mt-3 print:hidden">
      <legend className="text-sm font-semibold">{t("competencyColumns")}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4">
        {columns.map((column) => (
          <label key={column.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="size-5" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
            {metaOf(column).header}
          </label>
        ))}
      </div>
      <div className="mt-1 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => setAll(() => true)}>
          {t("showAllColumns")}
        </button>
        {hasTargets && (
          <button type="button" className="btn-secondary" onClick={() => setAll((meta) => !!meta.target)}>
            {t("weightedOnly")}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** In a blind review, names the labels the table skips and why, so nobody wonders who is missing. */
function BlindLabelGapsNote({ rows }: { rows: CompareRow[] }) {
  const t = useTranslations("insights.compare");
  const gaps = blindLabelGaps(rows);
  if (gaps.length === 0) return null;
  const several = gaps.length > 1;
  return (
    <div className="mt-3 text-sm text-slate-700" data-testid="blind-label-gaps">
      <p>{several ? t("gapsIntroSeveral") : t("gapsIntroOne", { vacancy: gaps[0]!.vacancy })}</p>
      <ul className="mt-1 list-disc pl-5">
        {gaps.map((gap) => (
          <li key={gap.vacancyId}>
            {several ? t("gapVacancy", { vacancy: gap.vacancy }) : ""}
            {gap.missing.join(", ")}
            {gap.more ? t("gapMore", { count: gap.more }) : ""}
          </li>
        ))}
      </ul>
      <p className="mt-1">{t("gapsWhy")}</p>
    </div>
  );
}

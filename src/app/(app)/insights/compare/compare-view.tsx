"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useUrlFilters } from "@/components/use-url-filters";
import { expandComparison } from "@/lib/insights/comparison-wire";
import { useTRPC } from "@/trpc/react";
import {
  CANDIDATE_STATUSES,
  candidateIdsFrom,
  compareFiltersFrom,
  exportQuery,
  isBlind,
  type CompareRow,
} from "../_components/insights-format";
import { statusWord } from "../_components/insights-words";
import { CompareChart } from "./compare-chart";
import { CompareStrands } from "./compare-strands";
import { CompareTable, exportSortKey, parseSort, useCompareTable, type SortState } from "./compare-table";
import { WithheldNote } from "@/components/withheld-note";
import { ErrorAlert } from "@/components/ui/alert";
import { FilterBar, FilterDate, FilterSelect } from "../_components/filter-bar";

export function CompareView() {
  const t = useTranslations("insights.compare");
  const words = useTranslations("insights");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const filters = compareFiltersFrom(params);
  const blind = isBlind(params);
  const candidateIds = candidateIdsFrom(params);
  const sort = parseSort(params.get("sort"));

  const scopes = useQuery(trpc.insights.scopes.queryOptions());
  const vacancy = scopes.data?.vacancies.find((v) => v.id === filters.vacancyId);
  // Every candidate the filters match (for the picker), and the ones picked, when some are.
  // The answer is the comparison as sent (ComparisonWire); `select` reads it into ranked rows once per answer.
  const all = useQuery({ ...trpc.insights.compare.queryOptions(filters), select: expandComparison, placeholderData: keepPreviousData });
  const picked = useQuery({
    ...trpc.insights.compare.queryOptions({ ...filters, candidateIds }),
    select: expandComparison,
    enabled: candidateIds.length > 0,
    placeholderData: keepPreviousData,
  });
  const shown = candidateIds.length > 0 ? picked : all;
  const result = shown.data;
  const table = useCompareTable({
    result,
    sort,
    blind,
    onSort: (next: SortState | null) => update({ sort: next ? `${next.id}:${next.desc ? "desc" : "asc"}` : "" }),
  });
  const rowModel = table.getRowModel().rows;
  const rows = useMemo(() => rowModel.map((r) => r.original), [rowModel]);
  const chartRows = useMemo(() => rows.slice(0, 6), [rows]);

  // The export repeats the page's filters, the explicitly picked candidates and the table's sort, so the
  // file lists the rows shown in the order shown (without a URL that grows with every row).
  const query = exportQuery(
    params,
    candidateIdsFrom(params),
    sort ? { key: exportSortKey(sort.id), dir: sort.desc ? "desc" : "asc" } : null,
  );

  return (
    <div className="mt-6 space-y-4">
      <FilterBar label={t("filters")} columns="sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect
          id="compare-vacancy"
          name="vacancy"
          label={t("vacancy")}
          all={t("allVacancies")}
          value={params.get("vacancy") ?? ""}
          options={scopes.data?.vacancies.map((v) => ({ value: v.id, label: v.title }))}
          // A stage belongs to one vacancy: another vacancy starts from all its stages.
          onChange={(value) => update({ vacancy: value, stage: "" })}
        />
        <FilterSelect
          id="compare-stage"
          name="stage"
          label={t("stage")}
          all={t("allStages")}
          value={params.get("stage") ?? ""}
          options={vacancy?.stages.map((s) => ({ value: s.id, label: s.name }))}
          disabled={!vacancy}
          hint={vacancy ? t("stageChosenHint") : t("stageHint")}
          onChange={(stage) => update({ stage })}
        />
        <FilterSelect
          id="compare-script"
          name="scriptId"
          label={t("script")}
          all={t("allScripts")}
          value={params.get("scriptId") ?? ""}
          options={scopes.data?.scripts.map((s) => ({ value: s.id, label: t("scriptOption", { title: s.title, role: s.role }) }))}
          onChange={(scriptId) => update({ scriptId })}
        />
        <FilterSelect
          id="compare-status"
          name="status"
          label={t("status")}
          all={t("anyStatus")}
          value={filters.status ?? ""}
          options={CANDIDATE_STATUSES.map((s) => ({ value: s, label: statusWord(words, s) }))}
          onChange={(status) => update({ status })}
        />
        <FilterDate id="compare-from" name="from" label={t("from")} value={params.get("from") ?? ""} onChange={(from) => update({ from })} />
        <FilterDate id="compare-to" name="to" label={t("to")} value={params.get("to") ?? ""} onChange={(to) => update({ to })} />
        <FilterSelect
          id="compare-interviewer"
          name="interviewerId"
          label={t("interviewer")}
          all={t("anyInterviewer")}
          value={params.get("interviewerId") ?? ""}
          options={scopes.data?.interviewers.map((i) => ({ value: i.userId, label: i.name }))}
          onChange={(interviewerId) => update({ interviewerId })}
        />
      </FilterBar>

      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <BlindSwitch key={String(blind)} blind={blind} onChange={(on) => update({ blind: on ? "1" : "" })} />
        <span id="blind-hint" className="text-sm text-slate-700">
          {t("blindHint")}
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          <a href={`/api/export/comparison?${query}`} download className="btn-secondary" aria-describedby="export-hint">
            {t("exportTable")}
          </a>
          <a href={`/api/export/ratings?${query}`} download className="btn-secondary" aria-describedby="export-hint">
            {t("exportRatings")}
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {common("print")}
          </button>
        </div>
      </div>
      <p id="export-hint" className="text-sm text-slate-700 print:hidden">
        {t("exportHint")}
      </p>
      {blind && <p className="hidden text-sm print:block">{t("blindPrint")}</p>}

      <CandidatePicker
        key={candidateIds.join(",")}
        rows={all.data?.rows}
        initial={candidateIds}
        onCompare={(ids) => update({ candidateIds: ids.join(",") })}
        onShowAll={() => update({ candidateIds: "" })}
      />

      <p className="text-sm text-slate-700" role="status" aria-live="polite">
        {shown.isPending
          ? t("loading")
          : result
            ? t(candidateIds.length ? "countSelected" : "count", { count: rows.length })
            : ""}
      </p>
      <ErrorAlert error={shown.error} />
      <WithheldNote withheld={result?.withheld} />
      {result && rows.length === 0 && (
        <p className="card text-slate-700">{t("empty")}</p>
      )}
      {result && rows.length > 0 && (
        <>
          <CompareTable table={table} blind={blind} />
          <CompareStrands comparison={result} />
          <CompareChart competencies={result.competencies} rows={chartRows} />
        </>
      )}
    </div>
  );
}

/** The switch answers at once; the URL (and so the data) follows a moment later. */
function BlindSwitch({ blind, onChange }: { blind: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations("insights.compare");
  const [checked, setChecked] = useState(blind);
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
      <input
        type="checkbox"
        role="switch"
        className="size-5"
        checked={checked}
        aria-describedby="blind-hint"
        onChange={(e) => {
          setChecked(e.target.checked);
          onChange(e.target.checked);
        }}
      />
      {t("blind")}
    </label>
  );
}

function CandidatePicker({
  rows,
  initial,
  onCompare,
  onShowAll,
}: {
  rows: CompareRow[] | undefined;
  initial: string[];
  onCompare: (ids: string[]) => void;
  onShowAll: () => void;
}) {
  const t = useTranslations("insights.compare");
  const [picked, setPicked] = useState<Set<string>>(() => new Set(initial));
  if (!rows || rows.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    setPicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const pickedIds = rows.filter((r) => picked.has(r.candidateId)).map((r) => r.candidateId);
  return (
    <fieldset className="card print:hidden">
      <legend className="px-1 text-base font-semibold">{t("candidates")}</legend>
      <p id="picker-hint" className="text-sm text-slate-700">
        {initial.length ? t("comparingSelected", { count: initial.length }) : t("comparingAll")} {t("pickHint")}
      </p>
      <ul className="mt-2 grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((r) => (
          <li key={r.candidateId}>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-5"
                checked={picked.has(r.candidateId)}
                onChange={(e) => toggle(r.candidateId, e.target.checked)}
              />
              <span>
                {r.label} <span className="text-slate-600">· {r.vacancy}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className="btn-primary" disabled={pickedIds.length < 2} aria-describedby="picker-hint" onClick={() => onCompare(pickedIds)}>
          {pickedIds.length ? t("compareSelectedCount", { count: pickedIds.length }) : t("compareSelected")}
        </button>
        {initial.length > 0 && (
          <button type="button" className="btn-secondary" onClick={onShowAll}>
            {t("showAll")}
          </button>
        )}
      </div>
    </fieldset>
  );
}

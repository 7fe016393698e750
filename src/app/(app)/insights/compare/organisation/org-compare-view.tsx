"use client";
// The organisation-wide comparison's filters, sort, table and pager. Everything that picks the rows (the
// filters, the sort, the page's cursor) lives in the URL, so a page can be shared, reloaded and gone back to.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useUrlFilters } from "@/components/use-url-filters";
import { ErrorAlert } from "@/components/ui/alert";
import { COMPARISON_PAGE_SIZE } from "@/lib/schemas/comparison-pages";
import { useTRPC } from "@/trpc/react";
import { CANDIDATE_STATUSES, compareFiltersFrom, exportQuery, isBlind } from "../../_components/insights-format";
import { FilterBar, FilterDate, FilterSelect } from "../../_components/filter-bar";
import { OrgCompareTable } from "./org-compare-table";
import { OrgPager } from "./org-pager";

/** The URL keys that move the page: changing any of them starts again from the first page. */
const PAGE_KEYS = ["after", "before", "page"];

export function OrgCompareView() {
  const t = useTranslations("compareOrg");
  const trpc = useTRPC();
  const { params, update } = useUrlFilters({ resetOnChange: PAGE_KEYS });
  const filters = compareFiltersFrom(params);
  const blind = isBlind(params);
  const sortParam = params.get("sort") ?? "score";
  const [sort, competencyId] = sortParam.startsWith("competency:")
    ? (["competency", sortParam.slice("competency:".length)] as const)
    : ([sortParam === "name" || sortParam === "date" ? sortParam : "score", undefined] as const);
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  const pageNumber = Math.max(1, Number(params.get("page")) || 1);
  // 100 a page; a smaller page from the URL (size=) for a quick look or a narrow screen.
  const pageSize = Math.min(COMPARISON_PAGE_SIZE, Math.max(1, Math.floor(Number(params.get("size"))) || COMPARISON_PAGE_SIZE));
  const input = {
    ...filters,
    sort,
    competencyId,
    dir,
    after: params.get("after") || undefined,
    before: params.get("before") || undefined,
    pageSize,
  } as const;

  const scopes = useQuery(trpc.insights.scopes.queryOptions());
  const page = useQuery({ ...trpc.insights.comparePage.queryOptions(input), placeholderData: keepPreviousData });
  const vacancy = scopes.data?.vacancies.find((v) => v.id === filters.vacancyId);
  const data = page.data;
  const first = data && data.rows.length ? (pageNumber - 1) * pageSize + 1 : 0;

  const exportHref = (() => {
    const query = new URLSearchParams(exportQuery(params, [], null));
    query.set("sort", sort);
    query.set("dir", dir);
    if (competencyId) query.set("competency", competencyId);
    return `/api/export/comparison-pages?${query}`;
  })();

  return (
    <div className="mt-6 space-y-4">
      <FilterBar label={t("filters")} columns="sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect
          id="org-vacancy"
          name="vacancy"
          label={t("vacancy")}
          all={t("allVacancies")}
          value={params.get("vacancy") ?? ""}
          options={scopes.data?.vacancies.map((v) => ({ value: v.id, label: v.title }))}
          onChange={(value) => update({ vacancy: value, stage: "" })}
        />
        <FilterSelect
          id="org-stage"
          name="stage"
          label={t("stage")}
          all={t("allStages")}
          value={params.get("stage") ?? ""}
          options={vacancy?.stages.map((s) => ({ value: s.id, label: s.name }))}
          disabled={!vacancy}
          hint={vacancy ? undefined : t("stageHint")}
          onChange={(stage) => update({ stage })}
        />
        <FilterSelect
          id="org-script"
          name="scriptId"
          label={t("script")}
          all={t("allScripts")}
          value={params.get("scriptId") ?? ""}
          options={scopes.data?.scripts.map((s) => ({ value: s.id, label: `${s.title} (${s.role})` }))}
          onChange={(scriptId) => update({ scriptId })}
        />
        <FilterSelect
          id="org-status"
          name="status"
          label={t("status")}
          all={t("anyStatus")}
          value={filters.status ?? ""}
          options={CANDIDATE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={(status) => update({ status })}
        />
        <FilterDate id="org-from" name="from" label={t("from")} value={params.get("from") ?? ""} onChange={(from) => update({ from })} />
        <FilterDate id="org-to" name="to" label={t("to")} value={params.get("to") ?? ""} onChange={(to) => update({ to })} />
        <FilterSelect
          id="org-interviewer"
          name="interviewerId"
          label={t("interviewer")}
          all={t("anyInterviewer")}
          value={params.get("interviewerId") ?? ""}
          options={scopes.data?.interviewers.map((i) => ({ value: i.userId, label: i.name }))}
          onChange={(interviewerId) => update({ interviewerId })}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="org-sort" className="text-sm font-medium">
            {t("sortBy")}
          </label>
          <select id="org-sort" className="field-input" value={sortParam} onChange={(e) => update({ sort: e.target.value === "score" ? "" : e.target.value })}>
            <option value="score">{t("sortScore")}</option>
            <option value="name" disabled={blind}>
              {blind ? t("sortNameBlind") : t("sortName")}
            </option>
            <option value="date">{t("sortDate")}</option>
            {data?.competencies.map((c) => (
              <option key={c.id} value={`competency:${c.id}`}>
                {t("sortCompetency", { name: c.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="org-dir" className="text-sm font-medium">
            {t("direction")}
          </label>
          <select id="org-dir" className="field-input" value={dir} onChange={(e) => update({ dir: e.target.value === "asc" ? "asc" : "" })}>
            <option value="desc">{t("descending")}</option>
            <option value="asc">{t("ascending")}</option>
          </select>
        </div>
      </FilterBar>

      <div className="flex flex-wrap items-center gap-3">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
          <input type="checkbox" role="switch" className="size-5" checked={blind} aria-describedby="org-blind-hint" onChange={(e) => update({ blind: e.target.checked ? "1" : "" })} />
          {t("blind")}
        </label>
        <span id="org-blind-hint" className="text-sm text-slate-700">
          {t("blindHint")}
        </span>
        <a href={exportHref} download className="btn-secondary sm:ml-auto" aria-describedby="org-export-hint">
          {t("export")}
        </a>
      </div>
      <p id="org-export-hint" className="text-sm text-slate-700">
        {t("exportHint")}
      </p>

      <p className="text-sm text-slate-700" role="status" aria-live="polite">
        {/* The previous page stays on screen while the next one loads: the line says so until it arrives. */}
        {page.isPending || page.isPlaceholderData
          ? t("loading")
          : data && data.rows.length
            ? t("summary", { first, last: first + data.rows.length - 1, total: data.total, page: pageNumber })
            : ""}
      </p>
      <ErrorAlert error={page.error} />
      {data && data.withheld.scorecards > 0 && <p className="card text-sm">{t("withheld", { count: data.withheld.scorecards })}</p>}
      {data && data.rows.length === 0 && <p className="card text-slate-700">{t("empty")}</p>}
      {data && data.rows.length > 0 && (
        <>
          <OrgCompareTable page={data} />
          <OrgPager
            previous={data.previous}
            next={data.next}
            onPrevious={(before) => update({ before, after: "", page: String(pageNumber - 1) })}
            onNext={(after) => update({ after, before: "", page: String(pageNumber + 1) })}
          />
        </>
      )}
    </div>
  );
}

"use client";
// The audit log table with its filters. Filters live in the URL; pages load as "Show older events".
import Link from "next/link";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useUrlFilters } from "@/components/use-url-filters";
import { isAuditAction } from "@/server/services/audit/audit-actions";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { When } from "../interviews/_components/when";
import { FilterDate, FilterSelect } from "../insights/_components/filter-bar";
import { AuditDetails } from "./audit-details";

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD from the date input as the start of that day in the reader's zone; `end` gives the next day's start. */
function dayBound(value: string, end: boolean): Date | undefined {
  if (!DATE.test(value)) return undefined;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0));
}

const ENTITY_LINKS: Record<string, (id: string) => string> = {
  Candidate: (id) => `/candidates/${id}`,
  Interview: (id) => `/interviews/${id}`,
  InterviewScript: (id) => `/scripts/${id}`,
};

type AuditEvent = RouterOutputs["audit"]["list"]["events"][number];

/** The table's columns in the page's language (action codes and record types stay as the log stores them). */
function useColumns(): Array<ColumnDef<AuditEvent>> {
  const t = useTranslations("audit");
  return [
  { id: "when", header: t("when"), cell: ({ row }) => <span className="whitespace-nowrap"><When date={row.original.createdAt} /></span> },
  { id: "who", header: t("who"), cell: ({ row }) => row.original.actor?.name ?? <span className="text-slate-600">{t("system")}</span> },
  { id: "action", header: t("action"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.action}</span> },
  {
    id: "record",
    header: t("record"),
    cell: ({ row: { original: e } }) => {
      const href = ENTITY_LINKS[e.entityType]?.(e.entityId);
      return (
        <>
          {e.entityType}{" "}
          {href ? (
            <Link href={href} className="font-mono text-xs text-brand-700 underline">{e.entityId.slice(-8)}</Link>
          ) : (
            <span className="font-mono text-xs">{e.entityId.slice(-8)}</span>
          )}
        </>
      );
    },
  },
  { id: "details", header: t("details"), cell: ({ row }) => <AuditDetails json={row.original.data} /> },
  ];
}

export function AuditLog() {
  const t = useTranslations("audit");
  const columns = useColumns();
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const action = params.get("action") ?? "";
  const actorId = params.get("actor") ?? "";
  const entityType = params.get("entity") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const options = useQuery(trpc.audit.filterOptions.queryOptions());
  const filters = {
    // An action the log does not know (an old link, a typo in the URL) filters nothing rather than failing.
    action: isAuditAction(action) ? action : undefined,
    actorId: actorId || undefined,
    entityType: entityType || undefined,
    from: dayBound(from, false),
    to: dayBound(to, true),
  };
  const events = useInfiniteQuery({
    ...trpc.audit.list.infiniteQueryOptions({ filters, limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const filtered = Boolean(action || actorId || entityType || from || to);

  return (
    <div className="mt-6 space-y-4">
      <form role="search" aria-label={t("filterLabel")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="audit-action"
          name="action"
          label={t("action")}
          all={t("allActions")}
          value={action}
          options={options.data?.actions.map((a) => ({ value: a, label: a }))}
          onChange={(value) => update({ action: value })}
        />
        <FilterSelect
          id="audit-actor"
          name="actor"
          label={t("who")}
          all={t("anyone")}
          value={actorId}
          options={[{ value: "system", label: t("systemJobs") }, ...(options.data?.actors.map((a) => ({ value: a.id, label: a.name })) ?? [])]}
          onChange={(value) => update({ actor: value })}
        />
        <FilterSelect
          id="audit-entity"
          name="entity"
          label={t("recordType")}
          all={t("allTypes")}
          value={entityType}
          options={options.data?.entityTypes.map((type) => ({ value: type, label: type }))}
          onChange={(value) => update({ entity: value })}
        />
        <FilterDate id="audit-from" name="from" label={t("from")} value={from} onChange={(value) => update({ from: value })} />
        <FilterDate id="audit-to" name="to" label={t("toInclusive")} value={to} onChange={(value) => update({ to: value })} />
      </form>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {events.isPending
            ? t("loading")
            : t(events.hasNextPage ? (filtered ? "countMoreMatch" : "countMore") : filtered ? "countMatch" : "count", { count: rows.length })}
        </p>
        {filtered && (
          <button type="button" className="btn-secondary" onClick={() => update({ action: "", actor: "", entity: "", from: "", to: "" })}>
            {t("clearFilters")}
          </button>
        )}
      </div>
      <ErrorAlert error={events.error} />
      <DataTable
        label={t("tableLabel")}
        columns={columns}
        data={rows}
        rowKey={(e) => e.id}
        minWidth="min-w-[44rem]"
        testId="audit-table"
        empty={!events.isPending && <p className="card text-slate-700">{filtered ? t("noneMatch") : t("none")}</p>}
      />
      {events.hasNextPage && (
        <button type="button" className="btn-secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? t("loadingMore") : t("showOlder")}
        </button>
      )}
    </div>
  );
}

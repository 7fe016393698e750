"use client";
// The audit log table with its filters. Filters live in the URL; pages load as "Show older events".
import Link from "next/link";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { When } from "../interviews/_components/when";
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

export function AuditLog() {
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const action = params.get("action") ?? "";
  const actorId = params.get("actor") ?? "";
  const entityType = params.get("entity") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const options = useQuery(trpc.audit.filterOptions.queryOptions());
  const filters = {
    action: action || undefined,
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
      <form role="search" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="audit-action" className="field-label">Action</label>
          <select id="audit-action" className="field-input" value={action} onChange={(e) => update({ action: e.target.value })}>
            <option value="">All actions</option>
            {options.data?.actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="field-label">Who</label>
          <select id="audit-actor" className="field-input" value={actorId} onChange={(e) => update({ actor: e.target.value })}>
            <option value="">Anyone</option>
            <option value="system">System (scheduled jobs)</option>
            {options.data?.actors.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="field-label">Record type</label>
          <select id="audit-entity" className="field-input" value={entityType} onChange={(e) => update({ entity: e.target.value })}>
            <option value="">All types</option>
            {options.data?.entityTypes.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="field-label">From</label>
          <input id="audit-from" type="date" className="field-input" value={from} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="audit-to" className="field-label">To (inclusive)</label>
          <input id="audit-to" type="date" className="field-input" value={to} onChange={(e) => update({ to: e.target.value })} />
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {events.isPending
            ? "Loading events…"
            : `${rows.length}${events.hasNextPage ? "+" : ""} event${rows.length === 1 ? "" : "s"}${filtered ? " match" : ""}`}
        </p>
        {filtered && (
          <button type="button" className="btn-secondary" onClick={() => update({ action: "", actor: "", entity: "", from: "", to: "" })}>
            Clear filters
          </button>
        )}
      </div>
      {events.isError && <p role="alert" className="text-red-800">{events.error.message}</p>}
      <div className="card overflow-x-auto relative p-0" tabIndex={0} role="region" aria-label="Audit events">
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="audit-table">
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50">
              <th scope="col" className="px-3 py-2">When</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">Action</th>
              <th scope="col" className="px-3 py-2">Record</th>
              <th scope="col" className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => {
              const href = ENTITY_LINKS[e.entityType]?.(e.entityId);
              return (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2"><When date={e.createdAt} /></td>
                  <td className="px-3 py-2">{e.actor ? e.actor.name : <span className="text-slate-600">System</span>}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                  <td className="px-3 py-2">
                    {e.entityType}{" "}
                    {href ? (
                      <Link href={href} className="font-mono text-xs text-brand-700 underline">{e.entityId.slice(-8)}</Link>
                    ) : (
                      <span className="font-mono text-xs">{e.entityId.slice(-8)}</span>
                    )}
                  </td>
                  <td className="px-3 py-2"><AuditDetails json={e.data} /></td>
                </tr>
              );
            })}
            {!events.isPending && rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-700">No events{filtered ? " match these filters" : " yet"}.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {events.hasNextPage && (
        <button type="button" className="btn-secondary" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? "Loading…" : "Show older events"}
        </button>
      )}
    </div>
  );
}

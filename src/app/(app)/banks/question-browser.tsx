"use client";
// Filters live in the URL (?bank=&competency=&q=) so a filtered list can be shared and survives a reload.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";

type Props = {
  banks: { id: string; name: string; questionCount: number }[];
  competencies: { slug: string; name: string }[];
};

const PAGE_SIZE = 50;

export function QuestionBrowser({ banks, competencies }: Props) {
  const trpc = useTRPC();
  const { params, query, draft, setDraft, update } = useUrlFilters({ resetOnChange: ["page"] });
  const bank = params.get("bank") ?? "";
  const competency = params.get("competency") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);

  const results = useQuery({
    ...trpc.banks.searchQuestions.queryOptions({
      bankId: bank || undefined,
      competency: competency || undefined,
      query: query || undefined,
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const total = results.data?.total ?? 0;

  return (
    <div className="mt-6">
      <form
        role="search"
        aria-label="Filter questions"
        className="grid gap-3 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <div>
          <label htmlFor="filter-bank" className="field-label">Bank</label>
          <select id="filter-bank" className="field-input" value={bank} onChange={(e) => update({ bank: e.target.value })}>
            <option value="">All banks</option>
            {banks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.questionCount})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-competency" className="field-label">Competency</label>
          <select
            id="filter-competency"
            className="field-input"
            value={competency}
            onChange={(e) => update({ competency: e.target.value })}
          >
            <option value="">All competencies</option>
            {competencies.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-search" className="field-label">Search questions</label>
          <input
            id="filter-search"
            type="search"
            className="field-input"
            placeholder="e.g. confidentiality"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
      </form>

      <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending ? "Loading questions…" : results.isError ? "" : `${total} question${total === 1 ? "" : "s"}`}
      </p>
      {results.isError && (
        <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {results.error.message}
        </p>
      )}

      <ol className="mt-3 space-y-3" aria-label="Questions">
        {results.data?.questions.map((q) => (
          <li key={q.id} className="card">
            <Link href={`/banks/questions/${q.id}`} className="text-base font-semibold text-slate-900 underline-offset-2 hover:underline">
              {q.text}
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              {q.bank.name} · question {q.position}
              {q.textReconstructed ? " · reconstructed wording" : ""}
            </p>
            <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Competencies">
              {q.competencies.map((c) => (
                <li key={c.slug} className="chip">
                  {c.name}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {results.data && results.data.questions.length === 0 && (
        <p className="card mt-3 text-slate-700">No questions match. Try fewer words or another competency.</p>
      )}
      {total > PAGE_SIZE && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3">
          <button type="button" className="btn-secondary" disabled={page === 0} onClick={() => update({ page: String(page - 1) })}>
            Previous
          </button>
          <span className="text-sm">
            Page {page + 1} of {Math.ceil(total / PAGE_SIZE)}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={(page + 1) * PAGE_SIZE >= total}
            onClick={() => update({ page: String(page + 1) })}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

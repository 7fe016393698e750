"use client";
// Filters live in the URL (?bank=&competency=&q=) so a filtered list can be shared and survives a reload.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { CompetencyChips } from "./_components/competency-chips";

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
        <SelectField
          id="filter-bank"
          name="bank"
          label="Bank"
          options={[{ value: "", label: "All banks" }, ...banks.map((b) => ({ value: b.id, label: `${b.name} (${b.questionCount})` }))]}
          value={bank}
          onChange={(e) => update({ bank: e.target.value })}
        />
        <SelectField
          id="filter-competency"
          name="competency"
          label="Competency"
          options={[{ value: "", label: "All competencies" }, ...competencies.map((c) => ({ value: c.slug, label: c.name }))]}
          value={competency}
          onChange={(e) => update({ competency: e.target.value })}
        />
        <TextField
          id="filter-search"
          name="q"
          label="Search questions"
          type="search"
          placeholder="e.g. confidentiality"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </form>

      <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending ? "Loading questions…" : results.isError ? "" : `${total} question${total === 1 ? "" : "s"}`}
      </p>
      <ErrorAlert error={results.error} variant="boxed" className="mt-2" />

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
            <CompetencyChips label="Competencies" competencies={q.competencies} />
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

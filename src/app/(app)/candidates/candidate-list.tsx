"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrorFrom } from "@/components/field-error";
import { useUrlFilters } from "@/components/use-url-filters";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";
import { CANDIDATE_STATUS_LABELS, type CandidateStatusValue } from "../interviews/_components/status-labels";
import { CandidateFields, candidateFormValues } from "./candidate-fields";

export function CandidateList({ canCreate, showContact }: { canCreate: boolean; showContact: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { params, query, draft, setDraft, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as CandidateStatusValue | "";
  const position = params.get("position") ?? "";
  const positions = useQuery(trpc.candidates.positions.queryOptions());
  const candidates = useQuery({
    ...trpc.candidates.list.queryOptions({ query: query || undefined, status: status || undefined, position: position || undefined }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(trpc.candidates.create.mutationOptions());
  const problem = fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const created = await create.mutateAsync({ ...candidateFormValues(new FormData(event.currentTarget)), idempotencyKey: submission.current() });
      router.push(`/candidates/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  const count = candidates.data?.length ?? 0;
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <form role="search" aria-label="Filter candidates" className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="candidate-search" className="field-label">Search by name</label>
            <input id="candidate-search" type="search" className="field-input" value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <div>
            <label htmlFor="candidate-position" className="field-label">Position</label>
            <select id="candidate-position" className="field-input" value={position} onChange={(e) => update({ position: e.target.value })}>
              <option value="">All positions</option>
              {positions.data?.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="candidate-status" className="field-label">Status</label>
            <select id="candidate-status" className="field-input" value={status} onChange={(e) => update({ status: e.target.value })}>
              <option value="">Any status</option>
              {(Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatusValue[]).map((s) => (
                <option key={s} value={s}>
                  {CANDIDATE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {candidates.isPending ? "Loading candidates…" : `${count} candidate${count === 1 ? "" : "s"}`}
        </p>
        {candidates.isError && <p role="alert" className="mt-2 text-red-800">{candidates.error.message}</p>}
        <ul className="mt-3 space-y-3" aria-label="Candidates">
          {candidates.data?.map((c) => (
            <li key={c.id} className="card flex flex-wrap items-start justify-between gap-3">
              <div>
                <Link href={`/candidates/${c.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                  {c.name}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  {c.position} · {c.interviewCount} interview{c.interviewCount === 1 ? "" : "s"}
                  {showContact && c.email ? ` · ${c.email}` : ""}
                </p>
              </div>
              <span className="chip">{CANDIDATE_STATUS_LABELS[c.status]}</span>
            </li>
          ))}
        </ul>
        {candidates.data && count === 0 && (
          <p className="card mt-3 text-slate-700">{query || status || position ? "No candidates match these filters." : "No candidates yet."}</p>
        )}
      </div>
      {canCreate && (
        <section aria-labelledby="new-candidate-heading" className="card h-fit">
          <h2 id="new-candidate-heading" className="text-lg font-semibold">Add a candidate</h2>
          <form onSubmit={onCreate} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
            <CandidateFields idPrefix="new-candidate" problem={problem} positions={positions.data} />
            {problem && !problem.field && <p role="alert" className="text-sm text-red-800">{problem.message}</p>}
            {/* Stays disabled after success while the candidate's page opens: a second click is no second candidate. */}
            <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
              {create.isPending ? "Adding…" : "Add candidate"}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

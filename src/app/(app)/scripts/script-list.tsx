"use client";
import { useSubmissionKey } from "@/components/use-submission-key";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";

const STATUS_LABELS = { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" } as const;
type Status = keyof typeof STATUS_LABELS;

export function ScriptList({ canCreate }: { canCreate: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { params, query, draft, setDraft, update } = useUrlFilters();
  const role = params.get("role") ?? "";
  const status = (params.get("status") ?? "") as Status | "";

  const roles = useQuery(trpc.scripts.roles.queryOptions());
  const scripts = useQuery({
    ...trpc.scripts.list.queryOptions({ query: query || undefined, role: role || undefined, status: status || undefined }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(trpc.scripts.create.mutationOptions());
  const createProblem = fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const created = await create.mutateAsync({
        title: String(form.get("title") ?? ""),
        role: String(form.get("role") ?? ""),
        plannedMinutes: Number(form.get("plannedMinutes") ?? 60),
        idempotencyKey: submission.current(),
      });
      router.push(`/scripts/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  const count = scripts.data?.length ?? 0;
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <form role="search" aria-label="Filter scripts" className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="script-search" className="field-label">Search scripts</label>
            <input id="script-search" type="search" className="field-input" value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <div>
            <label htmlFor="script-role" className="field-label">Role</label>
            <select id="script-role" className="field-input" value={role} onChange={(e) => update({ role: e.target.value })}>
              <option value="">All roles</option>
              {roles.data?.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="script-status" className="field-label">Status</label>
            <select id="script-status" className="field-input" value={status} onChange={(e) => update({ status: e.target.value })}>
              <option value="">Draft and published</option>
              {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {scripts.isPending ? "Loading scripts…" : `${count} script${count === 1 ? "" : "s"}`}
        </p>
        {scripts.isError && <p role="alert" className="mt-2 text-red-800">{scripts.error.message}</p>}
        <ul className="mt-3 space-y-3" aria-label="Scripts">
          {scripts.data?.map((s) => (
            <li key={s.id} className="card flex flex-wrap items-start justify-between gap-3">
              <div>
                <Link href={`/scripts/${s.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                  {s.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600">
                  {s.role} · {s.itemCount} question{s.itemCount === 1 ? "" : "s"} · {s.totalMinutes} min · version {s.latestVersion}
                  {s.hasUnpublishedDraft && s.publishedVersion ? ` (version ${s.publishedVersion} published)` : ""}
                </p>
              </div>
              <span className="chip">{STATUS_LABELS[s.status as Status] ?? s.status}</span>
            </li>
          ))}
        </ul>
        {scripts.data && count === 0 && (
          <p className="card mt-3 text-slate-700">
            {query || role || status ? "No scripts match these filters." : "No scripts yet."}
            {canCreate && !query && !role && !status ? " Create the first one with the form." : ""}
          </p>
        )}
      </div>

      {canCreate && (
        <section aria-labelledby="new-script-heading" className="card h-fit">
          <h2 id="new-script-heading" className="text-lg font-semibold">New script</h2>
          <form onSubmit={onCreate} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
            <div>
              <label htmlFor="new-title" className="field-label">Title</label>
              <input id="new-title" name="title" required className="field-input" aria-describedby="new-title-error" />
              <FieldError id="new-title-error" problem={createProblem} field="title" />
            </div>
            <div>
              <label htmlFor="new-role" className="field-label">Role it hires for</label>
              <input id="new-role" name="role" required className="field-input" list="known-roles" aria-describedby="new-role-error" />
              <datalist id="known-roles">
                {roles.data?.map((r) => <option key={r} value={r} />)}
              </datalist>
              <FieldError id="new-role-error" problem={createProblem} field="role" />
            </div>
            <div>
              <label htmlFor="new-minutes" className="field-label">Planned length (minutes)</label>
              <input
                id="new-minutes"
                name="plannedMinutes"
                type="number"
                min={5}
                max={480}
                defaultValue={60}
                className="field-input"
                aria-describedby="new-minutes-error"
              />
              <FieldError id="new-minutes-error" problem={createProblem} field="plannedMinutes" />
            </div>
            {createProblem && !createProblem.field && <p role="alert" className="text-sm text-red-800">{createProblem.message}</p>}
            {/* Stays disabled after success while the builder opens: a second click is no second script. */}
            <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
              {create.isPending ? "Creating…" : "Create and open the builder"}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

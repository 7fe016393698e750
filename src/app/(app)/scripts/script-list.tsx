"use client";
// The organisation's scripts with search and filters, and (for those who build them) the new-script form.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Field, optionsFrom, SelectField, TextField } from "@/components/ui/field";
import { validateForm } from "@/components/ui/validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useUrlFilters } from "@/components/use-url-filters";
import { createScriptInput } from "@/lib/schemas/scripts";
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
  // The form's own check (the procedure's schema) before sending; otherwise what the server said.
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const createProblem = checked ?? fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      title: String(form.get("title") ?? ""),
      role: String(form.get("role") ?? ""),
      plannedMinutes: Number(form.get("plannedMinutes") ?? 60),
    };
    const result = validateForm(createScriptInput, values);
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      const created = await create.mutateAsync({ ...result.data, idempotencyKey: submission.current() });
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
          <TextField name="query" id="script-search" label="Search scripts" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <SelectField
            name="role"
            id="script-role"
            label="Role"
            value={role}
            onChange={(e) => update({ role: e.target.value })}
            options={[{ value: "", label: "All roles" }, ...(roles.data ?? []).map((r) => ({ value: r, label: r }))]}
          />
          <SelectField
            name="status"
            id="script-status"
            label="Status"
            value={status}
            onChange={(e) => update({ status: e.target.value })}
            options={[{ value: "", label: "Draft and published" }, ...optionsFrom(STATUS_LABELS)]}
          />
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {scripts.isPending ? "Loading scripts…" : `${count} script${count === 1 ? "" : "s"}`}
        </p>
        <ErrorAlert error={scripts.error} className="mt-2" />
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
          <form onSubmit={(event) => void onCreate(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
            <TextField id="new-title" name="title" label="Title" problem={createProblem} required />
            <Field id="new-role" name="role" label="Role it hires for" problem={createProblem}>
              {(control) => (
                <>
                  <input {...control} required className="field-input" list="known-roles" />
                  <datalist id="known-roles">
                    {roles.data?.map((r) => <option key={r} value={r} />)}
                  </datalist>
                </>
              )}
            </Field>
            <TextField
              id="new-minutes"
              name="plannedMinutes"
              label="Planned length (minutes)"
              problem={createProblem}
              type="number"
              min={5}
              max={480}
              defaultValue={60}
            />
            {createProblem && !createProblem.field && (
              <Alert variant="plain" className="text-sm">
                {createProblem.message}
              </Alert>
            )}
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

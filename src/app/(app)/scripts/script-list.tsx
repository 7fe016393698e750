"use client";
// The organisation's scripts with search and filters, and (for those who build them) the new-script form.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Field, SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useUrlFilters } from "@/components/use-url-filters";
import { createScriptInput } from "@/lib/schemas/scripts";
import { useTRPC } from "@/trpc/react";

const STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
type Status = (typeof STATUSES)[number];

export function ScriptList({ canCreate }: { canCreate: boolean }) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const t = useTranslations("scripts");
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
        <form role="search" aria-label={t("list.filter")} className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
          <TextField name="query" id="script-search" label={t("list.search")} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <SelectField
            name="role"
            id="script-role"
            label={t("list.role")}
            value={role}
            onChange={(e) => update({ role: e.target.value })}
            options={[{ value: "", label: t("list.allRoles") }, ...(roles.data ?? []).map((r) => ({ value: r, label: r }))]}
          />
          <SelectField
            name="status"
            id="script-status"
            label={t("list.status")}
            value={status}
            onChange={(e) => update({ status: e.target.value })}
            options={[{ value: "", label: t("list.draftAndPublished") }, ...STATUSES.map((s) => ({ value: s, label: t("list.statusName", { status: s }) }))]}
          />
        </form>
        <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
          {scripts.isPending ? t("list.loading") : t("list.count", { count })}
        </p>
        <ErrorAlert error={scripts.error} className="mt-2" />
        <ul className="mt-3 space-y-3" aria-label={t("list.scripts")}>
          {scripts.data?.map((s) => (
            <li key={s.id} className="card flex flex-wrap items-start justify-between gap-3">
              <div>
                <Link href={`/scripts/${s.id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                  {s.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600">
                  {t("list.row", { role: s.role, items: s.itemCount, minutes: s.totalMinutes, version: s.latestVersion })}
                  {s.hasUnpublishedDraft && s.publishedVersion ? ` ${t("list.publishedVersion", { version: s.publishedVersion })}` : ""}
                </p>
              </div>
              <span className="chip">{t("list.statusName", { status: s.status })}</span>
            </li>
          ))}
        </ul>
        {scripts.data && count === 0 && (
          <p className="card mt-3 text-slate-700">
            {query || role || status ? t("list.noMatch") : t("list.none")}
            {canCreate && !query && !role && !status ? ` ${t("list.createFirst")}` : ""}
          </p>
        )}
      </div>

      {canCreate && (
        <section aria-labelledby="new-script-heading" className="card h-fit">
          <h2 id="new-script-heading" className="text-lg font-semibold">
            {t("list.newScript")}
          </h2>
          <form onSubmit={(event) => void onCreate(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
            <TextField id="new-title" name="title" label={t("list.newTitle")} problem={createProblem} required />
            <Field id="new-role" name="role" label={t("list.newRole")} problem={createProblem}>
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
              label={t("list.newMinutes")}
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
              {create.isPending ? t("list.creating") : t("list.create")}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

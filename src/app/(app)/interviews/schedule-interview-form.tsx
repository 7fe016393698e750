"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";

/** A datetime-local value ("2026-12-01T10:00") is the reader's local time; Date parses it that way. */
function fromLocalInput(value: string): Date | undefined {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date : undefined;
}

export function ScheduleInterviewForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.interviews.schedulingOptions.queryOptions());
  const create = useMutation(trpc.interviews.create.mutationOptions());
  const problem = fieldErrorFrom(create.error);
  const submission = useSubmissionKey();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const created = await create.mutateAsync({
        candidateId: String(form.get("candidateId") ?? ""),
        scriptVersionId: String(form.get("scriptVersionId") ?? ""),
        // An empty date is sent as-is so the server names the field.
        scheduledAt: fromLocalInput(String(form.get("scheduledAt") ?? "")) as Date,
        location: String(form.get("location") ?? ""),
        panelUserIds: form.getAll("panelUserIds").map(String),
        idempotencyKey: submission.current(),
      });
      router.push(`/interviews/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  const data = options.data;
  return (
    <section aria-labelledby="schedule-heading" className="card h-fit">
      <h2 id="schedule-heading" className="text-lg font-semibold">Schedule an interview</h2>
      {options.isError && <p role="alert" className="mt-2 text-red-800">{options.error.message}</p>}
      {!data ? (
        <p className="mt-2 text-sm text-slate-700">Loading…</p>
      ) : (
        <form onSubmit={onSubmit} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
          <div>
            <label htmlFor="schedule-candidate" className="field-label">Candidate</label>
            <select id="schedule-candidate" name="candidateId" className="field-input" required aria-describedby="schedule-candidate-error">
              <option value="">Choose a candidate</option>
              {data.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.position})
                </option>
              ))}
            </select>
            <FieldError id="schedule-candidate-error" problem={problem} field="candidateId" />
            <p className="mt-1 text-sm text-slate-700">
              Someone new? <Link href="/candidates" className="font-semibold text-brand-700 underline">Add a candidate</Link> first.
            </p>
          </div>
          <div>
            <label htmlFor="schedule-script" className="field-label">Interview script</label>
            <select id="schedule-script" name="scriptVersionId" className="field-input" required aria-describedby="schedule-script-error">
              <option value="">Choose a published script</option>
              {data.scripts.map((s) => (
                <option key={s.versionId} value={s.versionId}>
                  {s.title} (version {s.version})
                </option>
              ))}
            </select>
            <FieldError id="schedule-script-error" problem={problem} field="scriptVersionId" />
            {data.scripts.length === 0 && <p className="mt-1 text-sm text-slate-700">Publish a script first.</p>}
          </div>
          <div>
            <label htmlFor="schedule-when" className="field-label">Date and time</label>
            <input id="schedule-when" name="scheduledAt" type="datetime-local" required className="field-input" aria-describedby="schedule-when-error" />
            <FieldError id="schedule-when-error" problem={problem} field="scheduledAt" />
          </div>
          <div>
            <label htmlFor="schedule-location" className="field-label">Location or meeting link</label>
            <input id="schedule-location" name="location" className="field-input" aria-describedby="schedule-location-error" />
            <FieldError id="schedule-location-error" problem={problem} field="location" />
          </div>
          <fieldset aria-describedby="schedule-panel-error">
            <legend className="field-label">Panel</legend>
            <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
              {data.members.map((m) => (
                <li key={m.userId}>
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="checkbox" name="panelUserIds" value={m.userId} className="size-5" />
                    {m.name} <span className="text-slate-600">· {ROLE_LABELS[m.role]}</span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="schedule-panel-error" problem={problem} field="panelUserIds" />
          </fieldset>
          {problem && !problem.field && <p role="alert" className="text-sm text-red-800">{problem.message}</p>}
          {/* Stays disabled after success while the interview's page opens: a second click is no second interview. */}
          <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
            {create.isPending ? "Scheduling…" : "Schedule interview"}
          </button>
        </form>
      )}
    </section>
  );
}

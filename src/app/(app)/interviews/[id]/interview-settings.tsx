"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useSyncExternalStore, type FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import { INTERVIEW_STATUS_LABELS, type InterviewStatusValue } from "../_components/status-labels";

/** A Date as a datetime-local value in the reader's time zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const noSubscription = () => () => undefined;

type Props = { interviewId: string; scheduledAt: Date; location: string; status: InterviewStatusValue };

export function InterviewSettings({ interviewId, scheduledAt, location, status }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.interviews.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const problem = fieldErrorFrom(update.error);
  // The reader's time zone is only known in the browser: the server renders the field empty.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = new Date(String(form.get("scheduledAt") ?? ""));
    try {
      await update.mutateAsync({
        id: interviewId,
        scheduledAt: Number.isNaN(date.getTime()) ? undefined : date,
        location: String(form.get("location") ?? ""),
        status: String(form.get("status")) as InterviewStatusValue,
      });
    } catch {
      // shown from update.error
    }
  }

  return (
    <section aria-labelledby="settings-heading" className="card mt-4">
      <h2 id="settings-heading" className="text-lg font-semibold">Time, place and status</h2>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-3" noValidate>
        <div>
          <label htmlFor="settings-when" className="field-label">Date and time</label>
          <input
            id="settings-when"
            type="datetime-local"
            className="field-input"
            name="scheduledAt"
            key={inBrowser ? "browser" : "server"}
            defaultValue={inBrowser ? toLocalInput(scheduledAt) : ""}
            aria-describedby="settings-when-error"
          />
          <FieldError id="settings-when-error" problem={problem} field="scheduledAt" />
        </div>
        <div>
          <label htmlFor="settings-location" className="field-label">Location or meeting link</label>
          <input id="settings-location" name="location" defaultValue={location} className="field-input" aria-describedby="settings-location-error" />
          <FieldError id="settings-location-error" problem={problem} field="location" />
        </div>
        <div>
          <label htmlFor="settings-status" className="field-label">Status</label>
          <select id="settings-status" name="status" defaultValue={status} className="field-input">
            {(Object.keys(INTERVIEW_STATUS_LABELS) as InterviewStatusValue[]).map((s) => (
              <option key={s} value={s}>
                {INTERVIEW_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-secondary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save changes"}
          </button>
          {update.isSuccess && <p role="status" className="text-sm">Saved.</p>}
          {problem && !problem.field && <p role="alert" className="text-sm text-red-800">{problem.message}</p>}
        </div>
      </form>
    </section>
  );
}

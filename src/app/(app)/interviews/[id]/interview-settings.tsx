"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { updateInterviewInput } from "@/lib/schemas/interviews";
import { useTRPC } from "@/trpc/react";
import { INTERVIEW_STATUS_LABELS, type InterviewStatusValue } from "../_components/status-labels";

/** A Date as a datetime-local value in the reader's time zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const noSubscription = () => () => undefined;
const STATUSES = Object.keys(INTERVIEW_STATUS_LABELS) as InterviewStatusValue[];

/** `updatedAt`: when the interview shown last changed (the page remounts the form when the values shown change). */
type Props = { interviewId: string; scheduledAt: Date; location: string; status: InterviewStatusValue; updatedAt: Date };

export function InterviewSettings({ interviewId, scheduledAt, location, status, updatedAt }: Props) {
  const validateForm = useValidateForm();
  const t = useTranslations("interviews");
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.interviews.update.mutationOptions({ onSuccess: () => router.refresh() }));
  // The form's own check (the procedure's schema) before sending; otherwise what the server said.
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(update.error);
  // The reader's time zone is only known in the browser: the server renders the field empty.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = new Date(String(form.get("scheduledAt") ?? ""));
    const result = validateForm(updateInterviewInput, {
      id: interviewId,
      scheduledAt: Number.isNaN(date.getTime()) ? undefined : date,
      location: String(form.get("location") ?? ""),
      status: String(form.get("status")),
      // A change made elsewhere since this form's state is not overwritten: the server refuses it.
      baseUpdatedAt: updatedAt,
    });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await update.mutateAsync(result.data);
    } catch {
      // shown from update.error
    }
  }

  return (
    <section aria-labelledby="settings-heading" className="card mt-4">
      <h2 id="settings-heading" className="text-lg font-semibold">{t("settings.title")}</h2>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-3 grid gap-3 sm:grid-cols-3" noValidate>
        <TextField
          name="scheduledAt"
          id="settings-when"
          label={t("settings.when")}
          type="datetime-local"
          key={inBrowser ? "browser" : "server"}
          defaultValue={inBrowser ? toLocalInput(scheduledAt) : ""}
          problem={problem}
        />
        <TextField name="location" id="settings-location" label={t("settings.location")} defaultValue={location} problem={problem} />
        <SelectField name="status" id="settings-status" label={t("settings.status")} defaultValue={status} problem={problem} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <div className="sm:col-span-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-secondary" disabled={update.isPending}>
            {update.isPending ? t("settings.saving") : t("settings.save")}
          </button>
          {update.isSuccess && !checked && (
            <Alert tone="success" variant="plain" className="text-sm">
              {t("settings.saved")}
            </Alert>
          )}
          {problem && !problem.field && (
            <Alert variant="plain" className="text-sm">
              {problem.message}
            </Alert>
          )}
        </div>
      </form>
    </section>
  );
}

"use client";
// Assisted scoring on a draft scorecard (issue 23): a supporter at the panelist's side enters the ratings;
// recorded on this scorecard with the supporter's name, never as a scorecard of theirs. The state it starts
// from comes with the page (scoring-strands.tsx); a change goes through the plain tRPC client, loaded on
// first use like the page's saves, so the section adds no query cache and no request after load.
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/labelled-field";
import { SUPPORTER_NAME_MAX } from "@/lib/strands/limits";
import { loadTRPCClient } from "@/trpc/load-client";
import { useCall } from "./use-call";

export type Assistance = { scorecardId: string; assisted: boolean; supporterName: string | null };

const setAssisted = async (input: { scorecardId: string; assisted: boolean; supporterName: string }) =>
  (await loadTRPCClient()).strands.setAssisted.mutate(input);

export function AssistanceForm({ initial }: { initial: Assistance }) {
  const t = useTranslations("strands");
  const id = useId();
  const save = useCall(setAssisted);
  const [assisted, setAssistedOn] = useState(initial.assisted);
  const [name, setName] = useState(initial.supporterName ?? "");
  const [saved, setSaved] = useState<Assistance | null>(null);
  const problem = fieldErrorFrom(save.error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    try {
      setSaved(await save.mutateAsync({ scorecardId: initial.scorecardId, assisted, supporterName: assisted ? name : "" }));
    } catch {
      // shown from save.error
    }
  }

  return (
    <form className="card mt-4 space-y-2" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-toggle`} data-testid="assisted-form" noValidate>
      <label className="flex items-center gap-2 font-medium" id={`${id}-toggle`}>
        <input type="checkbox" className="h-5 w-5" checked={assisted} onChange={(e) => setAssistedOn(e.target.checked)} />
        {t("assistedToggle")}
      </label>
      <p className="text-sm text-slate-700">{t("assistedHint")}</p>
      {assisted && (
        // Field with its own input, not TextField: the scoring page's first-load budget (labelled-field.tsx).
        <Field name="supporterName" id={`${id}-supporter`} label={t("supporterName")} problem={problem}>
          {(control) => (
            <input {...control} className="field-input" value={name} maxLength={SUPPORTER_NAME_MAX} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
      )}
      <button type="submit" className="btn-secondary" disabled={save.isPending}>
        {t("assistedSave")}
      </button>
      <p role="status" className="text-sm">
        {saved ? (saved.assisted ? t("assistedSaved", { name: saved.supporterName ?? "" }) : t("assistedOffSaved")) : ""}
      </p>
      {problem && problem.field !== "supporterName" && <Alert variant="plain" className="text-sm">{problem.message}</Alert>}
    </form>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { createInterviewInput, type SchedulingOptions } from "@/lib/schemas/interviews";
import { useTRPC } from "@/trpc/react";
import { ReadinessNote, useReadinessWords } from "./_components/readiness";

/** A datetime-local value ("2026-12-01T10:00") is the reader's local time; Date parses it that way. */
function fromLocalInput(value: string): Date | undefined {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** The stages a candidate can be interviewed at: their vacancy's, in plan order. */
function stagesOf(data: SchedulingOptions | undefined, candidateId: string) {
  const candidate = data?.candidates.find((c) => c.id === candidateId);
  return { candidate, stages: data?.vacancies.find((v) => v.id === candidate?.vacancyId)?.stages ?? [] };
}

/**
 * Candidate first, then the stage (their current one to begin with); the stage gives the script and ticks
 * its default panel, which stays editable.
 */
export function ScheduleInterviewForm() {
  const validateForm = useValidateForm();
  const t = useTranslations("interviews.schedule");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.interviews.schedulingOptions.queryOptions());
  const create = useMutation(trpc.interviews.create.mutationOptions());
  // The form's own check (the procedure's schema) before sending; otherwise what the server said.
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(create.error);
  const submission = useSubmissionKey();
  const [candidateId, setCandidateId] = useState("");
  const [stageId, setStageId] = useState("");
  const [panel, setPanel] = useState<string[]>([]);
  const { candidate, stages } = stagesOf(options.data, candidateId);
  const stage = stages.find((st) => st.id === stageId);
  // Each member's readiness for the stage's script (shown when the script requires practice).
  const readiness = useQuery({ ...trpc.readiness.panel.queryOptions({ stageId }), enabled: Boolean(stage && !stage.problem) });
  const required = (stage && !stage.problem && readiness.data?.practiceRequired) ?? false;
  const readinessOf = new Map(readiness.data?.members.map((m) => [m.userId, m]));
  const readinessWords = useReadinessWords();

  function chooseStage(id: string) {
    setStageId(id);
    setPanel(stages.find((st) => st.id === id)?.panelUserIds ?? []);
  }

  function chooseCandidate(id: string) {
    setCandidateId(id);
    const next = stagesOf(options.data, id);
    const current = next.stages.find((st) => st.id === next.candidate?.stageId) ?? next.stages[0];
    setStageId(current?.id ?? "");
    setPanel(current?.panelUserIds ?? []);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = validateForm(createInterviewInput, {
      candidateId: String(form.get("candidateId") ?? ""),
      stageId: String(form.get("stageId") ?? "") || undefined,
      // An empty date stays empty so the check names the field.
      scheduledAt: fromLocalInput(String(form.get("scheduledAt") ?? "")),
      location: String(form.get("location") ?? ""),
      panelUserIds: form.getAll("panelUserIds").map(String),
    });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      const created = await create.mutateAsync({ ...result.data, idempotencyKey: submission.current() });
      router.push(`/interviews/${created.id}`);
    } catch {
      // shown from create.error
    }
  }

  const data = options.data;
  return (
    <section aria-labelledby="schedule-heading" className="card h-fit">
      <h2 id="schedule-heading" className="text-lg font-semibold">{t("title")}</h2>
      <ErrorAlert error={options.error} className="mt-2" />
      {!data ? (
        <p className="mt-2 text-sm text-slate-700">{t("loading")}</p>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
          <div>
            <SelectField
              name="candidateId"
              id="schedule-candidate"
              label={t("candidate")}
              required
              problem={problem}
              value={candidateId}
              onChange={(e) => chooseCandidate(e.target.value)}
              options={[
                { value: "", label: t("chooseCandidate") },
                ...data.candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.vacancyTitle})` })),
              ]}
            />
            <p className="mt-1 text-sm text-slate-700">
              {t.rich("someoneNew", {
                link: (chunks) => (
                  <Link href="/candidates" className="font-semibold text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </div>
          <div>
            <SelectField
              name="stageId"
              id="schedule-stage"
              label={t("stage")}
              required
              problem={problem}
              disabled={!candidate}
              value={stageId}
              onChange={(e) => chooseStage(e.target.value)}
              hint={candidate ? t("stageHint", { vacancy: candidate.vacancyTitle }) : t("chooseCandidateFirst")}
              options={[
                { value: "", label: stages.length ? t("chooseStage") : t("noStages") },
                ...stages.map((st) => ({
                  value: st.id,
                  label: `${st.name}${st.id === candidate?.stageId ? t("current") : ""}${st.scriptTitle ? ` · ${st.scriptTitle} v${st.scriptVersion}` : ""}`,
                })),
              ]}
            />
            {stage?.problem && (
              <p className="mt-1 text-sm text-red-800" role="status">
                {t(`stageProblem.${stage.problem.kind}`, stage.problem.values)}
              </p>
            )}
            {candidate && stages.length === 0 && (
              <p className="mt-1 text-sm text-slate-700">
                {t.rich("noPlan", {
                  link: (chunks) => (
                    <Link href={`/vacancies/${candidate.vacancyId}`} className="font-semibold text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            )}
          </div>
          <TextField name="scheduledAt" id="schedule-when" label={t("when")} type="datetime-local" required problem={problem} />
          <TextField name="location" id="schedule-location" label={t("location")} problem={problem} />
          <fieldset aria-describedby="schedule-panel-error">
            <legend className="field-label">{t("panel")}</legend>
            {stage && <p className="mb-1 text-sm text-slate-700">{t("defaultPanel")}</p>}
            {required && readiness.data && (
              <div className="mb-1">
                <ReadinessNote readiness={readiness.data} />
              </div>
            )}
            <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
              {data.members.map((m) => (
                <li key={m.userId}>
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="panelUserIds"
                      value={m.userId}
                      checked={panel.includes(m.userId)}
                      onChange={(e) => setPanel((p) => (e.target.checked ? [...p, m.userId] : p.filter((id) => id !== m.userId)))}
                      className="size-5"
                    />
                    <span>
                      {m.name} <span className="text-slate-600">· {common(`roles.${m.role}`)}</span>
                      {required && readinessOf.get(m.userId) && (
                        <span className={`block text-xs ${readinessOf.get(m.userId)!.status === "READY" ? "text-emerald-800" : "text-amber-900"}`}>
                          {readinessWords(readinessOf.get(m.userId)!)}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="schedule-panel-error" problem={problem} field="panelUserIds" />
          </fieldset>
          {problem && !problem.field && (
            <Alert variant="plain" className="text-sm">
              {problem.message}
            </Alert>
          )}
          {/* Stays disabled after success while the interview's page opens: a second click is no second interview. */}
          <button type="submit" className="btn-primary w-full" disabled={create.isPending || create.isSuccess}>
            {create.isPending ? t("submitting") : t("submit")}
          </button>
        </form>
      )}
    </section>
  );
}

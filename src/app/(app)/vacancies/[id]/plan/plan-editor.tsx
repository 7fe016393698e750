"use client";
// The interview plan editor: stages in order (moved up or down by keyboard or pointer), each with its
// published script version, whether it counts in the decision, its competency weights (the script's own
// until changed) and its default panel. The whole plan is saved at once against the version the editor
// loaded: a second click changes nothing, and a plan changed in another tab is refused with a message
// rather than overwritten. Readers without the right to change it see the plan as it is.
// It is a <form> (sent by "Save the plan" or Enter) so the unsaved-changes guard protects it as every other
// form: a link, a reload or closing the tab with stage names or weights typed and not saved asks first, also
// after a refused save. A saved plan is shown in a fresh form, so the guard compares later typing with what
// was saved (the server's own values: trimmed names, new stages' ids) and leaving after a save asks nothing.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldErrorFrom, FieldError, messageFor, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { savePlanInput, type Plan, type ScriptVersionOption } from "@/lib/schemas/vacancies";
import { useTRPC } from "@/trpc/react";

type DraftStage = {
  /** Stable while editing: the stage's id, or a local one for a new stage. */
  key: string;
  id?: string;
  name: string;
  /** "" for no script yet. */
  scriptVersionId: string;
  counts: boolean;
  /** Competency id to the weight as typed; null while the stage uses its script version's weights. */
  weights: Record<string, string> | null;
  panelUserIds: string[];
  /** What holds the stage in place (it can't be removed while any is above 0), or null. */
  inUse: { candidates: number; interviews: number; debriefs: number } | null;
};

type Translate = ReturnType<typeof useTranslations>;

function inUseOf(s: Plan["stages"][number]): DraftStage["inUse"] {
  return s.candidates || s.interviews || s.debriefs ? { candidates: s.candidates, interviews: s.interviews, debriefs: s.debriefs } : null;
}

/** "Can't be removed: 2 candidates are at it, 1 interview is for it." */
function inUseReason(inUse: NonNullable<DraftStage["inUse"]>, t: Translate): string {
  const parts = [
    inUse.candidates ? t("inUse.candidates", { count: inUse.candidates }) : null,
    inUse.interviews ? t("inUse.interviews", { count: inUse.interviews }) : null,
    inUse.debriefs ? t("inUse.debriefs", { count: inUse.debriefs }) : null,
  ].filter(Boolean);
  return t("inUse.reason", { parts: parts.join(", ") });
}

function draftsFrom(plan: Plan): DraftStage[] {
  return plan.stages.map((s) => ({
    key: s.id,
    id: s.id,
    name: s.name,
    scriptVersionId: s.scriptVersionId ?? "",
    counts: s.counts,
    weights: s.weights ? Object.fromEntries(s.weights.map((w) => [w.competencyId, String(w.weight)])) : null,
    panelUserIds: s.panel.map((p) => p.userId),
    inUse: inUseOf(s),
  }));
}

export function PlanEditor({ plan }: { plan: Plan }) {
  const validateForm = useValidateForm();
  const t = useTranslations("vacancies.plan");
  const trpc = useTRPC();
  const router = useRouter();
  const [stages, setStages] = useState<DraftStage[]>(() => draftsFrom(plan));
  const [base, setBase] = useState(plan.updatedAt);
  const [versionOptions, setVersionOptions] = useState(plan.scriptVersions);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const editorRef = useRef<HTMLFormElement>(null);
  const newStages = useRef(0);
  // Where focus goes after the render that adds or moves a stage.
  const pendingFocus = useRef<{ key: string; target: "name" | "up" | "down" } | null>(null);
  // Each save that went through shows the saved plan in a new <form> (its key), which the guard has not noted.
  const [saves, setSaves] = useState(0);
  // The position among the form's controls of the one focused when a save went through, to focus again there.
  const refocus = useRef<number | null>(null);
  const save = useMutation(trpc.vacancies.savePlan.mutationOptions());
  const problem = checkProblem ?? fieldErrorFrom(save.error);
  const conflict = save.error?.data?.code === "CONFLICT" && !messageFor(problem, "stages");
  const versions = new Map(versionOptions.map((v) => [v.versionId, v]));

  // Focus follows the stage that was just added or moved (the button pressed, or the other one once it is disabled).
  useEffect(() => {
    const again = refocus.current;
    refocus.current = null;
    if (again !== null) (editorRef.current?.elements[again] as HTMLElement | undefined)?.focus();
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const stage = editorRef.current?.querySelector<HTMLElement>(`[data-stage-key="${focus.key}"]`);
    const wanted = stage?.querySelector<HTMLElement>(`[data-focus="${focus.target}"]:not([disabled])`);
    const fallback = stage?.querySelector<HTMLElement>(`[data-focus="${focus.target === "up" ? "down" : "up"}"]:not([disabled])`);
    (wanted ?? fallback)?.focus();
  });

  function change(key: string, patch: Partial<DraftStage>) {
    setStages((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
    setDirty(true);
    save.reset();
  }

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= stages.length) return;
    const next = [...stages];
    const [moved] = next.splice(index, 1);
    next.splice(to, 0, moved!);
    setStages(next);
    setDirty(true);
    save.reset();
    setAnnouncement(t("movedTo", { name: moved!.name || t("newStage"), position: to + 1, total: next.length }));
    pendingFocus.current = { key: moved!.key, target: by < 0 ? "up" : "down" };
  }

  function add() {
    newStages.current += 1;
    const key = `new-${newStages.current}`;
    setStages((all) => [...all, { key, name: "", scriptVersionId: "", counts: true, weights: null, panelUserIds: [], inUse: null }]);
    setDirty(true);
    save.reset();
    pendingFocus.current = { key, target: "name" };
  }

  function remove(index: number) {
    const removed = stages[index]!;
    setStages((all) => all.filter((s) => s.key !== removed.key));
    setDirty(true);
    save.reset();
    setAnnouncement(t("removed", { name: removed.name || t("newStage") }));
  }

  function input() {
    return {
      id: plan.vacancyId,
      baseUpdatedAt: base,
      stages: stages.map((s) => {
        const version = s.scriptVersionId ? versions.get(s.scriptVersionId) : undefined;
        return {
          ...(s.id ? { id: s.id } : {}),
          name: s.name,
          scriptVersionId: s.scriptVersionId || null,
          counts: s.counts,
          weights:
            s.weights && version
              ? version.weights.map((w) => ({ competencyId: w.competencyId, weight: Number(s.weights![w.competencyId] ?? w.weight) }))
              : null,
          panelUserIds: s.panelUserIds,
        };
      }),
    };
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = input();
    const checked = validateForm(savePlanInput, values);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      save.reset();
      return;
    }
    try {
      const saved = await save.mutateAsync(values);
      const focused = Array.from(editorRef.current?.elements ?? []).indexOf(document.activeElement as Element);
      refocus.current = focused >= 0 ? focused : null;
      setSaves((n) => n + 1);
      setStages(draftsFrom(saved));
      setBase(saved.updatedAt);
      setVersionOptions(saved.scriptVersions);
      setDirty(false);
      setAnnouncement(saved.changed ? t("savedAnnouncement") : t("alreadySaved"));
    } catch {
      // shown from save.error
    }
  }

  if (!plan.canEdit) return <ReadOnlyPlan plan={plan} />;

  const members = plan.members;
  // Messages about one stage's field sit beside it; the rest (a stage in use, another tab's change) here.
  const topMessage = problem && !problem.field?.startsWith("stages.") ? problem.message : null;
  return (
    <div className="mt-6">
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <form key={saves} ref={editorRef} className="space-y-4" onSubmit={(event) => void onSave(event)} noValidate>
        {stages.length === 0 && <p className="card text-slate-700">{t("noStages")}</p>}
        <ol className="space-y-4" aria-label={t("stagesLabel")}>
          {stages.map((stage, index) => {
            const version = stage.scriptVersionId ? versions.get(stage.scriptVersionId) : undefined;
            const field = (name: string) => `stages.${index}.${name}`;
            const label = stage.name || t("stageNumber", { number: index + 1 });
            const removeHintId = `stage-${stage.key}-remove-hint`;
            return (
              <li key={stage.key} data-stage-key={stage.key} className="card" data-testid="plan-stage">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    {stage.name ? t("stageHeading", { number: index + 1, name: stage.name }) : t("stageNumber", { number: index + 1 })}
                  </h2>
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className="btn-secondary" data-focus="up" disabled={index === 0} onClick={() => move(index, -1)}>
                      {t("moveUp")}
                      <span className="sr-only"> {label}</span>
                    </button>
                    <button type="button" className="btn-secondary" data-focus="down" disabled={index === stages.length - 1} onClick={() => move(index, 1)}>
                      {t("moveDown")}
                      <span className="sr-only"> {label}</span>
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={stage.inUse !== null}
                      aria-describedby={stage.inUse ? removeHintId : undefined}
                      onClick={() => remove(index)}
                    >
                      {t("remove")}
                      <span className="sr-only"> {label}</span>
                    </button>
                  </div>
                </div>
                {stage.inUse && (
                  <p id={removeHintId} className="mt-1 text-sm text-slate-700">
                    {inUseReason(stage.inUse, t)}
                  </p>
                )}
                <div className="mt-3 grid gap-3 md:grid-cols-2">
                  <div>
                    <label htmlFor={`stage-${stage.key}-name`} className="field-label">
                      {t("stageName")}
                    </label>
                    <input
                      id={`stage-${stage.key}-name`}
                      data-focus="name"
                      className="field-input"
                      maxLength={80}
                      value={stage.name}
                      aria-invalid={messageFor(problem, field("name")) ? true : undefined}
                      aria-describedby={`stage-${stage.key}-name-error`}
                      onChange={(e) => change(stage.key, { name: e.target.value })}
                    />
                    <FieldError id={`stage-${stage.key}-name-error`} problem={problem} field={field("name")} />
                  </div>
                  <div>
                    <label htmlFor={`stage-${stage.key}-script`} className="field-label">
                      {t("script")}
                    </label>
                    <select
                      id={`stage-${stage.key}-script`}
                      className="field-input"
                      value={stage.scriptVersionId}
                      aria-invalid={messageFor(problem, field("scriptVersionId")) ? true : undefined}
                      aria-describedby={`stage-${stage.key}-script-error`}
                      // A new script brings its own weights.
                      onChange={(e) => change(stage.key, { scriptVersionId: e.target.value, weights: null })}
                    >
                      <option value="">{t("noScript")}</option>
                      {versionOptions.map((v) => (
                        <option key={v.versionId} value={v.versionId} disabled={!v.usable && v.versionId !== stage.scriptVersionId}>
                          {v.usable ? t("scriptOption", { title: v.title, version: v.version }) : t("scriptOptionUnusable", { title: v.title, version: v.version })}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`stage-${stage.key}-script-error`} problem={problem} field={field("scriptVersionId")} />
                    {versionOptions.length === 0 && (
                      <p className="mt-1 text-sm text-slate-700">
                        {t.rich("noPublishedScript", {
                          link: (chunks) => (
                            <Link href="/scripts" className="font-semibold text-brand-700 underline">
                              {chunks}
                            </Link>
                          ),
                        })}
                      </p>
                    )}
                  </div>
                </div>
                <label className="mt-3 flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="h-5 w-5" checked={stage.counts} onChange={(e) => change(stage.key, { counts: e.target.checked })} />
                  <span>{t("counts")}</span>
                </label>
                {version && (
                  <StageWeights
                    stageKey={stage.key}
                    version={version}
                    weights={stage.weights}
                    problem={problem}
                    field={field("weights")}
                    onChange={(weights) => change(stage.key, { weights })}
                  />
                )}
                <fieldset className="mt-3" aria-describedby={`stage-${stage.key}-panel-error`}>
                  <legend className="field-label">{t("defaultPanel")}</legend>
                  <p className="mb-1 text-sm text-slate-700">{t("defaultPanelHint")}</p>
                  <ul className="grid max-h-52 gap-1 overflow-y-auto sm:grid-cols-2">
                    {members.map((m) => (
                      <li key={m.userId}>
                        <label className="flex min-h-11 items-center gap-2">
                          <input
                            type="checkbox"
                            className="h-5 w-5"
                            checked={stage.panelUserIds.includes(m.userId)}
                            onChange={(e) =>
                              change(stage.key, {
                                panelUserIds: e.target.checked ? [...stage.panelUserIds, m.userId] : stage.panelUserIds.filter((id) => id !== m.userId),
                              })
                            }
                          />
                          <span>{m.name}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                  <FieldError id={`stage-${stage.key}-panel-error`} problem={problem} field={field("panelUserIds")} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-secondary" onClick={add}>
            {t("addStage")}
          </button>
          <button type="submit" className="btn-primary" disabled={save.isPending || !dirty}>
            {save.isPending ? t("saving") : t("save")}
          </button>
          {!dirty && save.isSuccess && (
            <p role="status" className="text-sm">
              {t("saved")}
            </p>
          )}
        </div>
        {topMessage && (
          <Alert tone="error" variant="boxed">
            {topMessage}
            {conflict && (
              <>
                {" "}
                <button type="button" className="font-semibold underline" onClick={() => router.refresh()}>
                  {t("loadLatest")}
                </button>
              </>
            )}
          </Alert>
        )}
      </form>
    </div>
  );
}

type WeightsProps = {
  stageKey: string;
  version: ScriptVersionOption;
  weights: Record<string, string> | null;
  problem: FieldProblem | null;
  field: string;
  onChange: (weights: Record<string, string> | null) => void;
};

/** The stage's competency weights: the script version's own until one is changed. */
function StageWeights({ stageKey, version, weights, problem, field, onChange }: WeightsProps) {
  const t = useTranslations("vacancies.plan");
  const hintId = `stage-${stageKey}-weights-hint`;
  const errorId = `stage-${stageKey}-weights-error`;
  if (version.weights.length === 0) {
    return <p className="mt-3 text-sm text-slate-700">{t("noWeights")}</p>;
  }
  const defaults = Object.fromEntries(version.weights.map((w) => [w.competencyId, String(w.weight)]));
  return (
    <fieldset className="mt-3" aria-describedby={`${hintId} ${errorId}`}>
      <legend className="field-label">{t("weights")}</legend>
      <p id={hintId} className="mb-1 text-sm text-slate-700">
        {weights ? t("weightsOwn") : t("weightsScript")}
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {version.weights.map((w) => (
          <div key={w.competencyId}>
            <label htmlFor={`stage-${stageKey}-weight-${w.competencyId}`} className="text-sm font-medium text-slate-800">
              {w.name}
            </label>
            <input
              id={`stage-${stageKey}-weight-${w.competencyId}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              className="field-input"
              value={(weights ?? defaults)[w.competencyId] ?? String(w.weight)}
              onChange={(e) => onChange({ ...(weights ?? defaults), [w.competencyId]: e.target.value })}
            />
          </div>
        ))}
      </div>
      {weights && (
        <button type="button" className="btn-secondary mt-2" onClick={() => onChange(null)}>
          {t("useScriptWeights")}
        </button>
      )}
      <FieldError id={errorId} problem={problem} field={field} />
      {/* Messages about one weight (from the form's own check) name their competency's row. */}
      {version.weights.map((w, i) =>
        messageFor(problem, `${field}.${i}.weight`) ? (
          <p key={w.competencyId} role="alert" className="mt-1 text-sm font-medium text-red-700">
            {w.name}: {messageFor(problem, `${field}.${i}.weight`)}
          </p>
        ) : null,
      )}
    </fieldset>
  );
}

/** The plan for readers who may not change it. */
function ReadOnlyPlan({ plan }: { plan: Plan }) {
  const t = useTranslations("vacancies.plan");
  const versions = new Map(plan.scriptVersions.map((v) => [v.versionId, v]));
  if (plan.stages.length === 0) return <p className="card mt-6 text-slate-700">{t("noStagesReadOnly")}</p>;
  return (
    <ol className="mt-6 space-y-4" aria-label={t("stagesLabel")}>
      {plan.stages.map((s, index) => {
        const version = s.scriptVersionId ? versions.get(s.scriptVersionId) : undefined;
        const weights = s.weights
          ? s.weights.map((w) => ({ name: version?.weights.find((v) => v.competencyId === w.competencyId)?.name ?? t("competency"), weight: w.weight }))
          : (version?.weights ?? []);
        const listed = weights.map((w) => `${w.name} ${w.weight}`).join(", ");
        return (
          <li key={s.id} className="card">
            <h2 className="text-lg font-semibold">
              {t("stageHeading", { number: index + 1, name: s.name })}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {version ? t("scriptOption", { title: version.title, version: version.version }) : t("noScript")} ·{" "}
              {s.counts ? t("countsShort") : t("countsNotShort")}
            </p>
            {weights.length > 0 && (
              <p className="mt-1 text-sm text-slate-700">
                {s.weights ? t("weightsList", { weights: listed }) : t("weightsListScript", { weights: listed })}
              </p>
            )}
            <p className="mt-1 text-sm text-slate-700">
              {s.panel.length ? t("panelList", { names: s.panel.map((p) => p.name).join(", ") }) : t("panelNone")}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

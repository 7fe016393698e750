"use client";
// The script builder: one page with the script's details, its sections and questions, a bank search to
// add questions, and a summary that stays in view. Changes save themselves as a draft version.
import { closestCenter, DndContext, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useId, useMemo, useRef, useState } from "react";
import {
  itemCount,
  moveInArray,
  moveItem,
  newKey,
  defaultTargets,
  scriptWarnings,
  targetsAreDefault,
  totalMinutes,
  weightTotal,
  withEqualWeights,
  type ScriptDocument,
  type ScriptItemDraft,
} from "@/lib/scripts/script-document";
import { useTRPC } from "@/trpc/react";
import { toDocument, unsavableReasons, type BankInfo, type CompetencyInfo, type LoadedScript } from "./builder-types";
import { QuestionPicker, type PickedQuestion } from "./question-picker";
import { ScriptSummary } from "./script-summary";
import { dragInstructions, reorderAnnouncements, SectionEditor, useReorderSensors } from "./section-editor";
import { useAutosave, type SaveState } from "./use-autosave";
import { PublishButton, publishBlockers } from "./publish-button";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useSubmissionKey } from "@/components/use-submission-key";

type Props = {
  script: LoadedScript;
  competencies: (CompetencyInfo & { slug: string })[];
  banks: BankInfo[];
};

const isConflict = (error: unknown) => error instanceof TRPCClientError && error.data?.code === "CONFLICT";

export function ScriptBuilder({ script, competencies, banks }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const readOnly = !script.canEdit;
  const [doc, setDoc] = useState<ScriptDocument>(() => toDocument(script));
  const [dirty, setDirty] = useState(false);
  const [autoTargets, setAutoTargets] = useState(() => targetsAreDefault(toDocument(script)));
  const [version, setVersion] = useState({ number: script.version.version, publishedAt: script.version.publishedAt });
  const baseUpdatedAt = useRef(script.updatedAt);
  const sensors = useReorderSensors();

  const saveDraft = useMutation(trpc.scripts.saveDraft.mutationOptions());
  const publish = useMutation(trpc.scripts.publish.mutationOptions());
  const duplicate = useMutation(trpc.scripts.duplicate.mutationOptions());
  const archive = useMutation(trpc.scripts.archive.mutationOptions());
  const restore = useMutation(trpc.scripts.restore.mutationOptions());
  const duplicateSubmission = useSubmissionKey();

  const save = useCallback(
    async (value: ScriptDocument) => {
      const result = await saveDraft.mutateAsync({
        id: script.id,
        baseUpdatedAt: baseUpdatedAt.current,
        title: value.title.trim(),
        role: value.role.trim(),
        instructions: value.instructions,
        plannedMinutes: value.plannedMinutes,
        targets: value.targets,
        sections: value.sections.map((section) => ({
          title: section.title.trim(),
          items: section.items.map((item) => ({
            questionId: item.questionId,
            text: item.text.trim(),
            minutes: item.minutes,
            goodAnswer: item.goodAnswer,
            exampleAnswer: item.exampleAnswer,
            probes: item.probes.map((p) => p.trim()).filter(Boolean),
            required: item.required,
            competencyIds: item.competencyIds,
          })),
        })),
      });
      baseUpdatedAt.current = result.updatedAt;
      setVersion({ number: result.version, publishedAt: null });
    },
    [saveDraft, script.id],
  );
  const onSaved = useCallback(() => setDirty(false), []);
  const blockers = useMemo(() => unsavableReasons(doc), [doc]);
  const { state: saveState, flush } = useAutosave({ value: doc, dirty, blockers, save, onSaved, isConflict });

  /** Every edit goes through here; with automatic targets, weights follow the rated competencies. */
  const update = useCallback(
    (change: (previous: ScriptDocument) => ScriptDocument, keepAuto = autoTargets) => {
      if (readOnly) return;
      setDoc((previous) => {
        const next = change(previous);
        return keepAuto ? { ...next, targets: defaultTargets(next) } : next;
      });
      setDirty(true);
    },
    [autoTargets, readOnly],
  );

  const sectionsForSelect = doc.sections.map((s) => ({ key: s.key, title: s.title }));
  const usedQuestionIds = useMemo(
    () => new Set(doc.sections.flatMap((s) => s.items.map((i) => i.questionId)).filter((q): q is string => Boolean(q))),
    [doc.sections],
  );

  function patchItem(itemKey: string, patch: Partial<ScriptItemDraft>) {
    update((d) => ({
      ...d,
      sections: d.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.key === itemKey ? { ...i, ...patch } : i)) })),
    }));
  }

  function addItem(sectionKey: string, item: Omit<ScriptItemDraft, "key">) {
    update((d) => ({
      ...d,
      sections: d.sections.map((s) => (s.key === sectionKey ? { ...s, items: [...s.items, { ...item, key: newKey("item") }] } : s)),
    }));
  }

  function onPick(sectionKey: string, picked: PickedQuestion) {
    addItem(sectionKey, { ...picked, minutes: 5, probes: [], required: true });
  }

  function onSectionDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const keys = doc.sections.map((s) => s.key);
    const from = keys.indexOf(String(active.id));
    const to = keys.indexOf(String(over.id));
    if (from >= 0 && to >= 0) update((d) => ({ ...d, sections: moveInArray(d.sections, from, to) }));
  }

  async function onPublish() {
    if (dirty && !(await flush())) return;
    try {
      await publish.mutateAsync({ id: script.id, baseUpdatedAt: baseUpdatedAt.current });
      router.refresh();
    } catch {
      // shown from publish.error
    }
  }

  // Questions are numbered through the whole script: each section starts after the ones before it.
  const sectionNumbers = doc.sections.map((_, index) => 1 + doc.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0));
  const isDraft = version.publishedAt === null;
  const published = script.versions.filter((v) => v.publishedAt !== null);
  const latestPublished = published[published.length - 1];

  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link href="/scripts" className="text-brand-700 underline">
              Interview scripts
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">{doc.title || "Untitled script"}</h1>
          <p className="mt-1 text-sm text-slate-700" data-testid="version-status">
            Version {version.number} · {script.status === "ARCHIVED" ? "archived" : isDraft ? "draft" : "published"}
            {isDraft && latestPublished ? ` · version ${latestPublished.version} is the published one` : ""}
            {latestPublished && latestPublished.interviewCount > 0
              ? ` · used by ${latestPublished.interviewCount} interview${latestPublished.interviewCount === 1 ? "" : "s"}`
              : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!readOnly && <SaveIndicator state={saveState} />}
          <Link href={`/scripts/${script.id}/print`} className="btn-secondary">
            Print guide
          </Link>
          {script.canEdit && (
            <button
              type="button"
              className="btn-secondary"
              disabled={duplicate.isPending || duplicate.isSuccess}
              onClick={async () => {
                const copy = await duplicate.mutateAsync({ id: script.id, idempotencyKey: duplicateSubmission.current() });
                router.push(`/scripts/${copy.id}`);
              }}
            >
              Duplicate
            </button>
          )}
          {script.canEdit && (
            <button
              type="button"
              className="btn-secondary"
              disabled={archive.isPending}
              onClick={async () => {
                if (dirty && !(await flush())) return;
                await archive.mutateAsync({ id: script.id });
                router.refresh();
              }}
            >
              Archive
            </button>
          )}
          {script.status === "ARCHIVED" && (
            <button
              type="button"
              className="btn-secondary"
              disabled={restore.isPending}
              onClick={async () => {
                await restore.mutateAsync({ id: script.id });
                router.refresh();
              }}
            >
              Restore
            </button>
          )}
          {!readOnly && (
            <PublishButton
              label={isDraft ? `Publish version ${version.number}` : "Published"}
              reasons={isDraft ? [...blockers, ...publishBlockers(doc)] : []}
              busy={!isDraft || publish.isPending || saveState.kind === "conflict"}
              onPublish={() => void onPublish()}
            />
          )}
        </div>
      </div>

      {!readOnly && !isDraft && (
        <p className="mt-3 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          Version {version.number} is published{latestPublished && latestPublished.interviewCount > 0 ? " and in use" : ""}: it never
          changes. Your next edit starts version {version.number + 1} as a draft; interviews keep the version they started with.
        </p>
      )}
      {readOnly && (
        <p className="mt-3 rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {script.status === "ARCHIVED" ? "This script is archived." : "You can read this script; hiring managers and admins edit it."}
        </p>
      )}
      {publish.error && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {publish.error.message}
        </p>
      )}
      {(duplicate.error || archive.error || restore.error) && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {(duplicate.error ?? archive.error ?? restore.error)?.message}
        </p>
      )}

      <CompactSummary doc={doc} competencies={competencies} />

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <section aria-labelledby={`${id}-details`} className="card">
            <h2 id={`${id}-details`} className="text-lg font-semibold">Details</h2>
            <fieldset disabled={readOnly} className="mt-3 grid gap-3 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <label htmlFor={`${id}-title`} className="field-label">Title</label>
                <input
                  id={`${id}-title`}
                  className="field-input"
                  value={doc.title}
                  maxLength={200}
                  onChange={(e) => update((d) => ({ ...d, title: e.target.value }))}
                />
              </div>
              <div>
                <label htmlFor={`${id}-role`} className="field-label">Role it hires for</label>
                <input
                  id={`${id}-role`}
                  className="field-input"
                  value={doc.role}
                  maxLength={120}
                  onChange={(e) => update((d) => ({ ...d, role: e.target.value }))}
                />
              </div>
              <div>
                <label htmlFor={`${id}-planned`} className="field-label">Planned length (minutes)</label>
                <input
                  id={`${id}-planned`}
                  type="number"
                  min={5}
                  max={480}
                  className="field-input"
                  value={Number.isFinite(doc.plannedMinutes) ? doc.plannedMinutes : ""}
                  onChange={(e) => update((d) => ({ ...d, plannedMinutes: e.target.value === "" ? NaN : Math.round(Number(e.target.value)) }))}
                />
              </div>
              <div className="sm:col-span-2">
                <label htmlFor={`${id}-instructions`} className="field-label">Instructions for the panel</label>
                <LimitedTextField
                  multiline
                  id={`${id}-instructions`}
                  className="field-input min-h-20 py-2"
                  value={doc.instructions}
                  limit={5000}
                  onValueChange={(instructions) => update((d) => ({ ...d, instructions }))}
                />
              </div>
            </fieldset>
          </section>

          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onSectionDragEnd}
            accessibility={{
              screenReaderInstructions: dragInstructions,
              announcements: reorderAnnouncements(
                "section",
                doc.sections.map((s) => s.key),
                (key) => doc.sections.find((s) => s.key === key)?.title || "untitled section",
              ),
            }}
          >
            <SortableContext items={doc.sections.map((s) => s.key)} strategy={verticalListSortingStrategy}>
              <ol className="space-y-4" aria-label="Sections">
                {doc.sections.map((section, index) => (
                  <SectionEditor
                    key={section.key}
                    section={section}
                    index={index}
                    sectionCount={doc.sections.length}
                    firstItemNumber={sectionNumbers[index]!}
                    readOnly={readOnly}
                    competencies={competencies}
                    sections={sectionsForSelect}
                    onRename={(title) =>
                      update((d) => ({ ...d, sections: d.sections.map((s) => (s.key === section.key ? { ...s, title } : s)) }))
                    }
                    onRemove={() => {
                      if (section.items.length > 0 && !window.confirm(`Remove the section "${section.title}" and its ${section.items.length} questions?`)) {
                        return;
                      }
                      update((d) => ({ ...d, sections: d.sections.filter((s) => s.key !== section.key) }));
                    }}
                    onMoveSection={(direction) => update((d) => ({ ...d, sections: moveInArray(d.sections, index, index + direction) }))}
                    onReorderItems={(from, to) =>
                      update((d) => ({
                        ...d,
                        sections: d.sections.map((s) => (s.key === section.key ? { ...s, items: moveInArray(s.items, from, to) } : s)),
                      }))
                    }
                    onChangeItem={patchItem}
                    onMoveItemToSection={(itemKey, sectionKey) =>
                      update((d) => {
                        const target = d.sections.findIndex((s) => s.key === sectionKey);
                        return moveItem(d, itemKey, target, d.sections[target]?.items.length ?? 0);
                      })
                    }
                    onRemoveItem={(itemKey) =>
                      update((d) => ({ ...d, sections: d.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.key !== itemKey) })) }))
                    }
                    onAddCustom={() =>
                      addItem(section.key, {
                        questionId: null,
                        text: "",
                        minutes: 5,
                        goodAnswer: "",
                        exampleAnswer: "",
                        probes: [],
                        required: true,
                        competencyIds: [],
                      })
                    }
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
          {!readOnly && (
            <button
              type="button"
              className="btn-secondary"
              disabled={doc.sections.length >= 20}
              onClick={() => update((d) => ({ ...d, sections: [...d.sections, { key: newKey("section"), title: "New section", items: [] }] }))}
            >
              Add a section
            </button>
          )}
        </div>

        <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" aria-label="Summary and question banks">
          <ScriptSummary
            doc={doc}
            competencies={competencies}
            readOnly={readOnly}
            autoTargets={autoTargets}
            onAutoTargets={(on) => {
              setAutoTargets(on);
              if (on) update((d) => d, true);
            }}
            onWeight={(competencyId, weight) =>
              update((d) => ({ ...d, targets: d.targets.map((t) => (t.competencyId === competencyId ? { ...t, weight } : t)) }), false)
            }
            onAddTarget={(competencyId) => {
              setAutoTargets(false);
              update((d) => ({ ...d, targets: [...d.targets, { competencyId, weight: 0 }] }), false);
            }}
            onRemoveTarget={(competencyId) => {
              setAutoTargets(false);
              update((d) => ({ ...d, targets: d.targets.filter((t) => t.competencyId !== competencyId) }), false);
            }}
            onSplitEqually={() => update((d) => ({ ...d, targets: withEqualWeights(d.targets.map((t) => t.competencyId)) }), false)}
          />
          {!readOnly && (
            <QuestionPicker
              banks={banks}
              competencies={competencies}
              sections={sectionsForSelect}
              usedQuestionIds={usedQuestionIds}
              onAdd={onPick}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

/**
 * One line that stays at the top of the screen while scrolling through a long script. From the lg
 * breakpoint the full summary beside the script is itself sticky, so the line scrolls away there instead
 * of sitting on top of the summary's first lines.
 */
function CompactSummary({ doc, competencies }: { doc: ScriptDocument; competencies: CompetencyInfo[] }) {
  const nameOf = (competencyId: string) => competencies.find((c) => c.id === competencyId)?.name ?? "Unknown competency";
  const minutes = totalMinutes(doc);
  const warnings = scriptWarnings(doc, nameOf);
  return (
    <div
      className="sticky top-0 z-20 mt-4 flex lg:static flex-wrap gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur"
      aria-label="At a glance"
      role="group"
    >
      <span className={minutes > doc.plannedMinutes ? "font-semibold text-red-800" : ""}>
        {minutes} of {doc.plannedMinutes} min
      </span>
      <span>
        {itemCount(doc)} question{itemCount(doc) === 1 ? "" : "s"}
      </span>
      <span>weights {weightTotal(doc)}%</span>
      <span className={warnings.length ? "font-semibold text-amber-800" : "text-green-800"}>
        {warnings.length ? `${warnings.length} to check in the summary` : "no warnings"}
      </span>
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === "saved"
      ? state.at
        ? "All changes saved"
        : "No changes yet"
      : state.kind === "saving"
        ? "Saving…"
        : state.kind === "unsaved"
          ? "Unsaved changes"
          : state.kind === "blocked"
            ? `Not saved: ${state.reasons[0]}`
            : state.kind === "conflict"
              ? state.message
              : `Not saved: ${state.message}`;
  const tone = state.kind === "failed" || state.kind === "conflict" || state.kind === "blocked" ? "text-red-800" : "text-slate-700";
  return (
    <p role="status" aria-live="polite" className={`max-w-80 text-sm ${tone}`} data-testid="save-state">
      {text}
      {state.kind === "conflict" && (
        <>
          {" "}
          <button type="button" className="underline" onClick={() => window.location.reload()}>
            Reload
          </button>
        </>
      )}
    </p>
  );
}

"use client";
// The script builder: one page with the script's details, its sections and questions, a bank search to
// add questions, and a summary that stays in view. Every edit is an action for the document reducer
// (src/lib/scripts/script-document-reducer.ts); changes save themselves as a draft version.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import { newKey, targetsAreDefault, toDraftContent, type ScriptDocument } from "@/lib/scripts/script-document";
import { initialBuilderState, scriptDocumentReducer, type ScriptDocumentAction } from "@/lib/scripts/script-document-reducer";
import { useTRPC } from "@/trpc/react";
import { toDocument, unsavableReasons, type BankInfo, type CompetencyInfo, type LoadedScript } from "./builder-types";
import { publishBlockers } from "./publish-button";
import { QuestionPicker, type PickedQuestion } from "./question-picker";
import { ScriptDetails } from "./script-details";
import { ScriptHeader } from "./script-header";
import { CompactSummary, ScriptSummary } from "./script-summary";
import { SectionList } from "./section-list";
import { useAutosave } from "./use-autosave";

type Props = {
  script: LoadedScript;
  competencies: (CompetencyInfo & { slug: string })[];
  banks: BankInfo[];
};

const isConflict = (error: unknown) => error instanceof TRPCClientError && error.data?.code === "CONFLICT";

function initialState(script: LoadedScript) {
  const doc = toDocument(script);
  return initialBuilderState(doc, targetsAreDefault(doc));
}

export function ScriptBuilder({ script, competencies, banks }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("scriptBuilder");
  const router = useRouter();
  const readOnly = !script.canEdit;
  const [state, apply] = useReducer(scriptDocumentReducer, script, initialState);
  const { doc, dirty, autoTargets } = state;
  const [version, setVersion] = useState({ number: script.version.version, publishedAt: script.version.publishedAt });
  const baseUpdatedAt = useRef(script.updatedAt);

  const saveDraft = useMutation(trpc.scripts.saveDraft.mutationOptions());
  const publish = useMutation(trpc.scripts.publish.mutationOptions());

  const save = useCallback(
    async (value: ScriptDocument) => {
      const result = await saveDraft.mutateAsync({ id: script.id, baseUpdatedAt: baseUpdatedAt.current, ...toDraftContent(value) });
      baseUpdatedAt.current = result.updatedAt;
      setVersion({ number: result.version, publishedAt: null });
    },
    [saveDraft, script.id],
  );
  const onSaved = useCallback(() => apply({ type: "saved" }), []);
  const blockers = useMemo(() => unsavableReasons(doc, t), [doc, t]);
  const { state: saveState, flush } = useAutosave({ value: doc, dirty, blockers, save, onSaved, isConflict, leaveAnyway: t("leaveAnyway") });
  const settle = useCallback(async () => !dirty || (await flush()), [dirty, flush]);

  /** Every edit goes through here; a reader's page changes nothing. */
  const dispatch = useCallback((action: ScriptDocumentAction) => {
    if (!readOnly) apply(action);
  }, [readOnly]);

  const usedQuestionIds = useMemo(
    () => new Set(doc.sections.flatMap((s) => s.items.map((i) => i.questionId)).filter((q): q is string => Boolean(q))),
    [doc.sections],
  );

  function onPick(sectionKey: string, picked: PickedQuestion) {
    dispatch({ type: "addItem", sectionKey, item: { ...picked, key: newKey("item"), minutes: 5, probes: [], required: true } });
  }

  async function onPublish() {
    if (!(await settle())) return;
    try {
      await publish.mutateAsync({ id: script.id, baseUpdatedAt: baseUpdatedAt.current });
      router.refresh();
    } catch {
      // shown from publish.error
    }
  }

  return (
    <div>
      <ScriptHeader
        script={script}
        title={doc.title}
        version={version}
        readOnly={readOnly}
        saveState={saveState}
        settle={settle}
        publish={{
          reasons: [...blockers, ...publishBlockers(doc, t)],
          busy: publish.isPending || saveState.kind === "conflict",
          error: publish.error,
          onPublish: () => void onPublish(),
        }}
      />

      <CompactSummary doc={doc} competencies={competencies} />

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <ScriptDetails details={doc} readOnly={readOnly} onChange={(patch) => dispatch({ type: "setDetails", patch })} />
          <SectionList doc={doc} readOnly={readOnly} competencies={competencies} dispatch={dispatch} />
        </div>

        <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" aria-label={t("asideLabel")}>
          <ScriptSummary
            doc={doc}
            competencies={competencies}
            readOnly={readOnly}
            autoTargets={autoTargets}
            onAutoTargets={(on) => dispatch({ type: "setAutoTargets", on })}
            onWeight={(competencyId, weight) => dispatch({ type: "setWeight", competencyId, weight })}
            onAddTarget={(competencyId) => dispatch({ type: "addTarget", competencyId })}
            onRemoveTarget={(competencyId) => dispatch({ type: "removeTarget", competencyId })}
            onSplitEqually={() => dispatch({ type: "splitEqually" })}
          />
          {!readOnly && (
            <QuestionPicker
              banks={banks}
              competencies={competencies}
              sections={doc.sections.map((s) => ({ key: s.key, title: s.title }))}
              usedQuestionIds={usedQuestionIds}
              onAdd={onPick}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

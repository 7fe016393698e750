"use client";
// The script's sections in order, each with its questions; sections reorder by drag and drop or the move
// buttons, and a new one is added at the end. Every change is an action for the document reducer.
import { useTranslations } from "next-intl";
import { newKey, type ScriptDocument } from "@/lib/scripts/script-document";
import { MAX_SECTIONS, type ScriptDocumentAction } from "@/lib/scripts/script-document-reducer";
import type { CompetencyInfo } from "./builder-types";
import { SortableList } from "./reorder";
import { SectionEditor } from "./section-editor";

type Props = {
  doc: ScriptDocument;
  readOnly: boolean;
  competencies: CompetencyInfo[];
  dispatch: (action: ScriptDocumentAction) => void;
};

export function SectionList({ doc, readOnly, competencies, dispatch }: Props) {
  const t = useTranslations("scriptBuilder");
  const sectionKeys = doc.sections.map((s) => s.key);
  const sectionsForSelect = doc.sections.map((s) => ({ key: s.key, title: s.title }));
  // Questions are numbered through the whole script: each section starts after the ones before it.
  const firstNumbers = doc.sections.map((_, index) => 1 + doc.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0));

  return (
    <>
      <SortableList
        kind="section"
        keys={sectionKeys}
        labelOf={(key) => doc.sections.find((s) => s.key === key)?.title || t("list.untitled")}
        onMove={(from, to) => dispatch({ type: "moveSection", sectionKey: sectionKeys[from]!, toIndex: to })}
      >
        <ol className="space-y-4" aria-label={t("list.label")}>
          {doc.sections.map((section, index) => (
            <SectionEditor
              key={section.key}
              section={section}
              index={index}
              sectionCount={doc.sections.length}
              firstItemNumber={firstNumbers[index]!}
              readOnly={readOnly}
              competencies={competencies}
              sections={sectionsForSelect}
              onRename={(title) => dispatch({ type: "renameSection", sectionKey: section.key, title })}
              onRemove={() => {
                if (section.items.length > 0 && !window.confirm(t("list.confirmRemove", { title: section.title, count: section.items.length }))) {
                  return;
                }
                dispatch({ type: "removeSection", sectionKey: section.key });
              }}
              onMoveSection={(direction) => dispatch({ type: "moveSection", sectionKey: section.key, toIndex: index + direction })}
              onReorderItems={(from, to) => {
                const item = section.items[from];
                if (item) dispatch({ type: "moveItem", itemKey: item.key, toSectionKey: section.key, toIndex: to });
              }}
              onChangeItem={(itemKey, patch) => dispatch({ type: "changeItem", itemKey, patch })}
              onMoveItemToSection={(itemKey, toSectionKey) => dispatch({ type: "moveItem", itemKey, toSectionKey })}
              onRemoveItem={(itemKey) => dispatch({ type: "removeItem", itemKey })}
              onAddCustom={() =>
                dispatch({
                  type: "addItem",
                  sectionKey: section.key,
                  item: {
                    key: newKey("item"),
                    questionId: null,
                    text: "",
                    minutes: 5,
                    goodAnswer: "",
                    exampleAnswer: "",
                    probes: [],
                    required: true,
                    competencyIds: [],
                  },
                })
              }
            />
          ))}
        </ol>
      </SortableList>
      {!readOnly && (
        <button
          type="button"
          className="btn-secondary"
          disabled={doc.sections.length >= MAX_SECTIONS}
          onClick={() => dispatch({ type: "addSection", key: newKey("section") })}
        >
          {t("list.add")}
        </button>
      )}
    </>
  );
}

"use client";
// A section of the script with its questions, reorderable by drag and drop (reorder.tsx) and by the move
// buttons.
import { useSortable } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import type { ScriptItemDraft, ScriptSectionDraft } from "@/lib/scripts/script-document";
import type { CompetencyInfo } from "./builder-types";
import { ItemEditor } from "./item-editor";
import { ARROW_DOWN, ARROW_UP, ReorderHandle, SortableList, sortableStyle } from "./reorder";

type Props = {
  section: ScriptSectionDraft;
  index: number;
  sectionCount: number;
  firstItemNumber: number;
  readOnly: boolean;
  competencies: CompetencyInfo[];
  sections: { key: string; title: string }[];
  onRename: (title: string) => void;
  onRemove: () => void;
  onMoveSection: (direction: -1 | 1) => void;
  onReorderItems: (fromIndex: number, toIndex: number) => void;
  onChangeItem: (itemKey: string, patch: Partial<ScriptItemDraft>) => void;
  onMoveItemToSection: (itemKey: string, sectionKey: string) => void;
  onRemoveItem: (itemKey: string) => void;
  onAddCustom: () => void;
};

export function SectionEditor(props: Props) {
  const { section, readOnly } = props;
  const t = useTranslations("scriptBuilder");
  const titleId = useId();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: section.key,
    disabled: readOnly,
  });
  const label = section.title || t("section.fallbackLabel", { number: props.index + 1 });
  const itemKeys = section.items.map((i) => i.key);
  const minutes = section.items.reduce((sum, i) => sum + (Number(i.minutes) || 0), 0);

  return (
    <li ref={setNodeRef} style={sortableStyle({ transform, transition })} className={`card ${isDragging ? "z-10 shadow-lg" : ""}`}>
      <section aria-labelledby={titleId}>
        <div className="flex flex-wrap items-end gap-2">
          {!readOnly && <ReorderHandle activatorRef={setActivatorNodeRef} attributes={attributes} listeners={listeners} label={t("section.reorder", { label })} />}
          <div className="min-w-48 flex-1">
            <h2 id={titleId} className="sr-only">
              {t("section.heading", { number: props.index + 1, label })}
            </h2>
            <Field name="sectionTitle" id={`${titleId}-title`} label={t("section.titleLabel", { number: props.index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  className="field-input font-semibold"
                  value={section.title}
                  maxLength={120}
                  readOnly={readOnly}
                  onChange={(e) => props.onRename(e.target.value)}
                />
              )}
            </Field>
          </div>
          <p className="min-h-11 content-center text-sm text-slate-700">
            {t("section.count", { count: section.items.length, minutes })}
          </p>
          {!readOnly && (
            <div className="flex gap-1">
              <button
                type="button"
                className="btn-secondary min-h-11 px-3"
                disabled={props.index === 0}
                onClick={() => props.onMoveSection(-1)}
                aria-label={t("section.moveUp", { label })}
              >
                {ARROW_UP}
              </button>
              <button
                type="button"
                className="btn-secondary min-h-11 px-3"
                disabled={props.index === props.sectionCount - 1}
                onClick={() => props.onMoveSection(1)}
                aria-label={t("section.moveDown", { label })}
              >
                {ARROW_DOWN}
              </button>
              <button
                type="button"
                className="btn-secondary min-h-11 px-3 text-red-800"
                disabled={props.sectionCount === 1}
                onClick={props.onRemove}
              >
                {t("section.remove")}<span className="sr-only"> {t("section.removeWhich", { label })}</span>
              </button>
            </div>
          )}
        </div>

        <SortableList
          kind="question"
          keys={itemKeys}
          labelOf={(key) => section.items.find((i) => i.key === key)?.text || t("section.newQuestion")}
          onMove={props.onReorderItems}
        >
          <ol className="mt-3 space-y-2" aria-label={t("section.questionsIn", { label })}>
            {section.items.map((item, i) => (
              <ItemEditor
                key={item.key}
                item={item}
                number={props.firstItemNumber + i}
                isFirst={i === 0}
                isLast={i === section.items.length - 1}
                readOnly={readOnly}
                competencies={props.competencies}
                sections={props.sections}
                sectionKey={section.key}
                onChange={(patch) => props.onChangeItem(item.key, patch)}
                onMove={(direction) => props.onReorderItems(i, i + direction)}
                onMoveToSection={(sectionKey) => props.onMoveItemToSection(item.key, sectionKey)}
                onRemove={() => props.onRemoveItem(item.key)}
              />
            ))}
          </ol>
        </SortableList>
        {section.items.length === 0 && (
          <p className="mt-3 rounded border border-dashed border-slate-300 p-3 text-sm text-slate-600">
            {t("section.empty")}
          </p>
        )}
        {!readOnly && (
          <button type="button" className="btn-secondary mt-3" onClick={props.onAddCustom}>
            {t("section.writeCustom")}<span className="sr-only"> {t("section.inSection", { label })}</span>
          </button>
        )}
      </section>
    </li>
  );
}

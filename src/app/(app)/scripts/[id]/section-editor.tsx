"use client";
// A section of the script with its questions, reorderable by drag and drop (reorder.tsx) and by the move
// buttons.
import { useSortable } from "@dnd-kit/sortable";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import type { ScriptItemDraft, ScriptSectionDraft } from "@/lib/scripts/script-document";
import type { CompetencyInfo } from "./builder-types";
import { ItemEditor } from "./item-editor";
import { ReorderHandle, SortableList, sortableStyle } from "./reorder";

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
  const titleId = useId();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: section.key,
    disabled: readOnly,
  });
  const label = section.title || `section ${props.index + 1}`;
  const itemKeys = section.items.map((i) => i.key);
  const minutes = section.items.reduce((sum, i) => sum + (Number(i.minutes) || 0), 0);

  return (
    <li ref={setNodeRef} style={sortableStyle({ transform, transition })} className={`card ${isDragging ? "z-10 shadow-lg" : ""}`}>
      <section aria-labelledby={titleId}>
        <div className="flex flex-wrap items-end gap-2">
          {!readOnly && <ReorderHandle activatorRef={setActivatorNodeRef} attributes={attributes} listeners={listeners} label={`Reorder section ${label}`} />}
          <div className="min-w-48 flex-1">
            <h2 id={titleId} className="sr-only">
              Section {props.index + 1}: {label}
            </h2>
            <Field name="sectionTitle" id={`${titleId}-title`} label={`Section ${props.index + 1} title`}>
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
            {section.items.length} question{section.items.length === 1 ? "" : "s"} · {minutes} min
          </p>
          {!readOnly && (
            <div className="flex gap-1">
              <button
                type="button"
                className="btn-secondary min-h-11 px-3"
                disabled={props.index === 0}
                onClick={() => props.onMoveSection(-1)}
                aria-label={`Move section ${label} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn-secondary min-h-11 px-3"
                disabled={props.index === props.sectionCount - 1}
                onClick={() => props.onMoveSection(1)}
                aria-label={`Move section ${label} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn-secondary min-h-11 px-3 text-red-800"
                disabled={props.sectionCount === 1}
                onClick={props.onRemove}
              >
                Remove<span className="sr-only"> section {label}</span>
              </button>
            </div>
          )}
        </div>

        <SortableList
          kind="question"
          keys={itemKeys}
          labelOf={(key) => section.items.find((i) => i.key === key)?.text || "new question"}
          onMove={props.onReorderItems}
        >
          <ol className="mt-3 space-y-2" aria-label={`Questions in ${label}`}>
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
            No questions yet. Add some from the banks, or write one.
          </p>
        )}
        {!readOnly && (
          <button type="button" className="btn-secondary mt-3" onClick={props.onAddCustom}>
            Write a custom question<span className="sr-only"> in {label}</span>
          </button>
        )}
      </section>
    </li>
  );
}

"use client";
// A section of the script with its questions, reorderable by drag and drop (mouse, touch or keyboard:
// focus a handle, Space to lift, arrow keys to move, Space to drop) and by the move buttons.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId } from "react";
import type { ScriptItemDraft, ScriptSectionDraft } from "@/lib/scripts/script-document";
import type { CompetencyInfo } from "./builder-types";
import { ItemEditor } from "./item-editor";

export const dragInstructions = {
  draggable:
    "To reorder, press Space or Enter to pick this up, use the arrow keys to move it, then press Space or Enter to drop it, or Escape to cancel.",
};

/** What screen readers hear while something is dragged: names and positions, not internal ids. */
export function reorderAnnouncements(kind: string, keys: string[], labelOf: (key: string) => string): Announcements {
  const position = (id: UniqueIdentifier | undefined) => keys.indexOf(String(id)) + 1;
  const where = (id: UniqueIdentifier | undefined) => `position ${position(id)} of ${keys.length}`;
  return {
    onDragStart: ({ active }) => `Picked up ${kind} ${labelOf(String(active.id))}, at ${where(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${labelOf(String(active.id))} is over ${where(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${kind} ${labelOf(String(active.id))} at ${where(over.id)}.` : `Dropped ${kind} ${labelOf(String(active.id))}.`,
    onDragCancel: ({ active }) => `Moving ${kind} ${labelOf(String(active.id))} was cancelled.`,
  };
}

export function useReorderSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

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
  const sensors = useReorderSensors();
  const titleId = useId();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: section.key,
    disabled: readOnly,
  });
  const label = section.title || `section ${props.index + 1}`;
  const itemKeys = section.items.map((i) => i.key);
  const minutes = section.items.reduce((sum, i) => sum + (Number(i.minutes) || 0), 0);

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = itemKeys.indexOf(String(active.id));
    const to = itemKeys.indexOf(String(over.id));
    if (from >= 0 && to >= 0) props.onReorderItems(from, to);
  }

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`card ${isDragging ? "z-10 shadow-lg" : ""}`}
    >
      <section aria-labelledby={titleId}>
        <div className="flex flex-wrap items-end gap-2">
          {!readOnly && (
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...attributes}
              {...listeners}
              aria-label={`Reorder section ${label}`}
              className="inline-flex min-h-11 min-w-11 cursor-grab items-center justify-center rounded text-slate-600 hover:bg-slate-100"
            >
              <span aria-hidden="true">⠿</span>
            </button>
          )}
          <div className="min-w-48 flex-1">
            <h2 id={titleId} className="sr-only">
              Section {props.index + 1}: {label}
            </h2>
            <label htmlFor={`${titleId}-title`} className="field-label">
              Section {props.index + 1} title
            </label>
            <input
              id={`${titleId}-title`}
              className="field-input font-semibold"
              value={section.title}
              maxLength={120}
              readOnly={readOnly}
              onChange={(e) => props.onRename(e.target.value)}
            />
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

        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions: dragInstructions,
            announcements: reorderAnnouncements("question", itemKeys, (key) => section.items.find((i) => i.key === key)?.text || "new question"),
          }}
        >
          <SortableContext items={itemKeys} strategy={verticalListSortingStrategy}>
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
          </SortableContext>
        </DndContext>
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

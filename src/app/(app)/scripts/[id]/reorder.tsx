"use client";
// Reordering by drag and drop (mouse, touch or keyboard: focus a handle, Space to lift, arrow keys to move,
// Space to drop), written once for the script's sections and for the questions in a section.
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
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Translate } from "./builder-types";

/** The move buttons' marks and the drag grip: pictures, the same in every language (their labels say the words). */
export const ARROW_UP = "↑";
export const ARROW_DOWN = "↓";
const GRIP = "⠿";

/** What is moved, named in the announcements. */
type ReorderKind = "section" | "question";

/** What screen readers hear while something is dragged: names and positions, not internal ids. */
export function reorderAnnouncements(kind: ReorderKind, keys: string[], labelOf: (key: string) => string, t: Translate): Announcements {
  const position = (id: UniqueIdentifier | undefined) => keys.indexOf(String(id)) + 1;
  const where = (id: UniqueIdentifier | undefined) => t("reorder.position", { position: position(id), count: keys.length });
  const label = (id: UniqueIdentifier) => labelOf(String(id));
  return {
    onDragStart: ({ active }) => t("reorder.start", { kind, label: label(active.id), where: where(active.id) }),
    onDragOver: ({ active, over }) => (over ? t("reorder.over", { label: label(active.id), where: where(over.id) }) : undefined),
    onDragEnd: ({ active, over }) =>
      over ? t("reorder.dropAt", { kind, label: label(active.id), where: where(over.id) }) : t("reorder.drop", { kind, label: label(active.id) }),
    onDragCancel: ({ active }) => t("reorder.cancel", { kind, label: label(active.id) }),
  };
}

function useReorderSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

type SortableListProps = {
  /** What is moved, in the announcements. */
  kind: ReorderKind;
  keys: string[];
  labelOf: (key: string) => string;
  /** Called with the dragged element's index and the index it was dropped on. */
  onMove: (from: number, to: number) => void;
  children: ReactNode;
};

/** A list whose elements (each using useSortable with its key) can be dragged into a new order. */
export function SortableList({ kind, keys, labelOf, onMove, children }: SortableListProps) {
  const sensors = useReorderSensors();
  const t = useTranslations("scriptBuilder");
  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = keys.indexOf(String(active.id));
    const to = keys.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ screenReaderInstructions: { draggable: t("reorder.instructions") }, announcements: reorderAnnouncements(kind, keys, labelOf, t) }}
    >
      <SortableContext items={keys} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

type Sortable = ReturnType<typeof useSortable>;

/** The style that moves a row (from useSortable) while it is dragged. */
export const sortableStyle = ({ transform, transition }: Pick<Sortable, "transform" | "transition">) => ({
  transform: CSS.Transform.toString(transform),
  transition,
});

type HandleProps = {
  activatorRef: Sortable["setActivatorNodeRef"];
  attributes: Sortable["attributes"];
  listeners: Sortable["listeners"];
  label: string;
  className?: string;
};

/** The grip a row (using useSortable with its key) is dragged by, or lifted with Space from the keyboard. */
export function ReorderHandle({ activatorRef, attributes, listeners, label, className = "" }: HandleProps) {
  return (
    <button
      type="button"
      ref={activatorRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      className={`inline-flex min-h-11 min-w-11 cursor-grab items-center justify-center rounded text-slate-600 hover:bg-slate-100 ${className}`.trim()}
    >
      <span aria-hidden="true">{GRIP}</span>
    </button>
  );
}

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
import type { ReactNode } from "react";

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

function useReorderSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

type SortableListProps = {
  /** What is moved, in the announcements ("section", "question"). */
  kind: string;
  keys: string[];
  labelOf: (key: string) => string;
  /** Called with the dragged element's index and the index it was dropped on. */
  onMove: (from: number, to: number) => void;
  children: ReactNode;
};

/** A list whose elements (each using useSortable with its key) can be dragged into a new order. */
export function SortableList({ kind, keys, labelOf, onMove, children }: SortableListProps) {
  const sensors = useReorderSensors();
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
      accessibility={{ screenReaderInstructions: dragInstructions, announcements: reorderAnnouncements(kind, keys, labelOf) }}
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
      <span aria-hidden="true">⠿</span>
    </button>
  );
}

// Every edit the script builder makes to its document, as one pure reducer: details, sections, questions,
// drag and drop, target competencies and their weights. The builder dispatches these; saving, conflicts
// and navigation stay in the builder. No React, no server: unit-tested on its own.
import {
  defaultTargets,
  moveInArray,
  moveItem,
  withEqualWeights,
  type ScriptDocument,
  type ScriptItemDraft,
} from "./script-document";

/** The sections a script may have (the server refuses more). */
export const MAX_SECTIONS = 20;

export type ScriptBuilderState = {
  doc: ScriptDocument;
  /** Targets follow the questions: each question's main competency, weighted equally. */
  autoTargets: boolean;
  /** An edit not saved yet. */
  dirty: boolean;
};

export type ScriptDetails = Pick<ScriptDocument, "title" | "role" | "instructions" | "plannedMinutes">;

export type ScriptDocumentAction =
  | { type: "setDetails"; patch: Partial<ScriptDetails> }
  // Keys are made by the caller (newKey) so the reducer stays pure.
  | { type: "addSection"; key: string; title?: string }
  | { type: "renameSection"; sectionKey: string; title: string }
  | { type: "removeSection"; sectionKey: string }
  /** Moves a section to a position (arrow buttons: its index ± 1; drag and drop: the index it is dropped on). */
  | { type: "moveSection"; sectionKey: string; toIndex: number }
  | { type: "addItem"; sectionKey: string; item: ScriptItemDraft }
  | { type: "changeItem"; itemKey: string; patch: Partial<Omit<ScriptItemDraft, "key">> }
  | { type: "removeItem"; itemKey: string }
  /** Moves a question within its section or into another; without `toIndex`, to the end of the section. */
  | { type: "moveItem"; itemKey: string; toSectionKey: string; toIndex?: number }
  | { type: "setWeight"; competencyId: string; weight: number }
  | { type: "addTarget"; competencyId: string }
  | { type: "removeTarget"; competencyId: string }
  | { type: "splitEqually" }
  | { type: "setAutoTargets"; on: boolean }
  /** The document as it is now was saved. */
  | { type: "saved" };

export function initialBuilderState(doc: ScriptDocument, autoTargets: boolean): ScriptBuilderState {
  return { doc, autoTargets, dirty: false };
}

const mapSections = (doc: ScriptDocument, change: (section: ScriptDocument["sections"][number]) => ScriptDocument["sections"][number]) => ({
  ...doc,
  sections: doc.sections.map(change),
});

/** A change to the script's content; with automatic targets, the targets follow the rated competencies. */
function contentEdit(state: ScriptBuilderState, next: ScriptDocument): ScriptBuilderState {
  return { ...state, dirty: true, doc: state.autoTargets ? { ...next, targets: defaultTargets(next) } : next };
}

/** A change to the targets themselves: never recomputed from the questions. */
function targetEdit(state: ScriptBuilderState, targets: ScriptDocument["targets"], autoTargets = state.autoTargets): ScriptBuilderState {
  return { ...state, dirty: true, autoTargets, doc: { ...state.doc, targets } };
}

export function scriptDocumentReducer(state: ScriptBuilderState, action: ScriptDocumentAction): ScriptBuilderState {
  const { doc } = state;
  switch (action.type) {
    case "setDetails":
      return contentEdit(state, { ...doc, ...action.patch });

    case "addSection":
      if (doc.sections.length >= MAX_SECTIONS) return state;
      return contentEdit(state, { ...doc, sections: [...doc.sections, { key: action.key, title: action.title ?? "New section", items: [] }] });

    case "renameSection":
      return contentEdit(state, mapSections(doc, (s) => (s.key === action.sectionKey ? { ...s, title: action.title } : s)));

    case "removeSection":
      // A script keeps at least one section.
      if (doc.sections.length <= 1) return state;
      return contentEdit(state, { ...doc, sections: doc.sections.filter((s) => s.key !== action.sectionKey) });

    case "moveSection": {
      const from = doc.sections.findIndex((s) => s.key === action.sectionKey);
      return contentEdit(state, { ...doc, sections: moveInArray(doc.sections, from, action.toIndex) });
    }

    case "addItem":
      return contentEdit(state, mapSections(doc, (s) => (s.key === action.sectionKey ? { ...s, items: [...s.items, action.item] } : s)));

    case "changeItem":
      return contentEdit(
        state,
        mapSections(doc, (s) => ({ ...s, items: s.items.map((i) => (i.key === action.itemKey ? { ...i, ...action.patch } : i)) })),
      );

    case "removeItem":
      return contentEdit(state, mapSections(doc, (s) => ({ ...s, items: s.items.filter((i) => i.key !== action.itemKey) })));

    case "moveItem": {
      const toSection = doc.sections.findIndex((s) => s.key === action.toSectionKey);
      return contentEdit(state, moveItem(doc, action.itemKey, toSection, action.toIndex ?? doc.sections[toSection]?.items.length ?? 0));
    }

    case "setWeight":
      return targetEdit(
        state,
        doc.targets.map((t) => (t.competencyId === action.competencyId ? { ...t, weight: action.weight } : t)),
      );

    case "addTarget":
      // Choosing targets by hand turns the automatic ones off.
      if (doc.targets.some((t) => t.competencyId === action.competencyId)) return { ...state, autoTargets: false };
      return targetEdit(state, [...doc.targets, { competencyId: action.competencyId, weight: 0 }], false);

    case "removeTarget":
      return targetEdit(
        state,
        doc.targets.filter((t) => t.competencyId !== action.competencyId),
        false,
      );

    case "splitEqually":
      return targetEdit(state, withEqualWeights(doc.targets.map((t) => t.competencyId)));

    case "setAutoTargets":
      // Turning them on recomputes the targets (an edit to save); turning them off changes nothing yet.
      return action.on ? contentEdit({ ...state, autoTargets: true }, doc) : { ...state, autoTargets: false };

    case "saved":
      return { ...state, dirty: false };
  }
}

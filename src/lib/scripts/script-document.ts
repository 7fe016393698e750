// The interview script being edited in the builder, and the pure operations on it: moving sections and
// items, equal weights, time and competency coverage. No React, no server: unit-tested on its own. The
// item and target shapes are the domain schema's (src/lib/schemas/scripts.ts), with a key added for editing.
import type { ScriptItemContent, ScriptTarget } from "@/lib/schemas/scripts";

export type { ScriptTarget };

/** A question being edited: its stored content and a client-side key for lists and drag and drop (not stored). */
export type ScriptItemDraft = ScriptItemContent & { key: string };

export type ScriptSectionDraft = { key: string; title: string; items: ScriptItemDraft[] };

export type ScriptDocument = {
  title: string;
  role: string;
  instructions: string;
  plannedMinutes: number;
  targets: ScriptTarget[];
  sections: ScriptSectionDraft[];
};

let keyCounter = 0;
export function newKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${keyCounter}`;
}

/** Moves the element at `from` to `to` (both indexes in the original array). */
export function moveInArray<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

/** Whole-percent weights that add up to exactly 100, spread as evenly as possible (34, 33, 33). */
export function equalWeights(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  const remainder = 100 - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

export function withEqualWeights(competencyIds: readonly string[]): ScriptTarget[] {
  const weights = equalWeights(competencyIds.length);
  return competencyIds.map((competencyId, i) => ({ competencyId, weight: weights[i]! }));
}

/** Competencies rated anywhere in the script, in the order they first appear. */
export function ratedCompetencyIds(doc: Pick<ScriptDocument, "sections">): string[] {
  const seen = new Set<string>();
  for (const section of doc.sections) {
    for (const item of section.items) for (const id of item.competencyIds) seen.add(id);
  }
  return [...seen];
}

/**
 * The competencies a script targets unless the hiring manager says otherwise: each question's main
 * competency (the first it rates; a bank question lists its main one first), in the order they first
 * appear. The others a question also rates are recorded but carry no weight, so a handful of questions
 * doesn't spread the score over every competency they touch.
 */
export function defaultTargetIds(doc: Pick<ScriptDocument, "sections">): string[] {
  const seen = new Set<string>();
  for (const section of doc.sections) {
    for (const item of section.items) if (item.competencyIds[0]) seen.add(item.competencyIds[0]);
  }
  return [...seen];
}

/** The builder's automatic targets: the default target competencies, weighted equally. */
export function defaultTargets(doc: Pick<ScriptDocument, "sections">): ScriptTarget[] {
  return withEqualWeights(defaultTargetIds(doc));
}

/** True when the targets are exactly the default targets with equal weights: the builder's default. */
export function targetsAreDefault(doc: Pick<ScriptDocument, "sections" | "targets">): boolean {
  const expected = defaultTargets(doc);
  if (expected.length !== doc.targets.length) return false;
  const byId = new Map(doc.targets.map((t) => [t.competencyId, t.weight]));
  return expected.every((t) => byId.get(t.competencyId) === t.weight);
}

export function totalMinutes(doc: Pick<ScriptDocument, "sections">): number {
  return doc.sections.reduce((sum, s) => sum + s.items.reduce((inner, item) => inner + (Number(item.minutes) || 0), 0), 0);
}

export function itemCount(doc: Pick<ScriptDocument, "sections">): number {
  return doc.sections.reduce((sum, s) => sum + s.items.length, 0);
}

export function weightTotal(doc: Pick<ScriptDocument, "targets">): number {
  return doc.targets.reduce((sum, t) => sum + (Number(t.weight) || 0), 0);
}

export type CoverageRow = { competencyId: string; items: number; weight: number | null; isTarget: boolean };

/** How many items rate each competency, for targets and for anything else the items rate. */
export function coverage(doc: Pick<ScriptDocument, "sections" | "targets">): CoverageRow[] {
  const counts = new Map<string, number>();
  for (const section of doc.sections) {
    for (const item of section.items) for (const id of new Set(item.competencyIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const rows: CoverageRow[] = doc.targets.map((t) => ({
    competencyId: t.competencyId,
    items: counts.get(t.competencyId) ?? 0,
    weight: t.weight,
    isTarget: true,
  }));
  for (const [competencyId, items] of counts) {
    if (!doc.targets.some((t) => t.competencyId === competencyId)) rows.push({ competencyId, items, weight: null, isTarget: false });
  }
  return rows;
}

/** `message` in English; a page shows the warning in its reader's language from `kind` and `values`. */
export type ScriptWarning = {
  kind: "uncovered" | "thin" | "weights" | "time" | "empty" | "noCompetency";
  message: string;
  values: Record<string, string | number>;
};

/**
 * What the builder warns about. `nameOf` turns a competency id into its name.
 * A target competency rated by no question can't be scored; one rated by a single question rests on one
 * answer, which structured-interview practice advises against for anything that carries weight.
 */
export function scriptWarnings(doc: ScriptDocument, nameOf: (competencyId: string) => string): ScriptWarning[] {
  const warnings: ScriptWarning[] = [];
  if (itemCount(doc) === 0) warnings.push({ kind: "empty", message: "Add at least one question.", values: {} });
  for (const row of coverage(doc)) {
    if (!row.isTarget) continue;
    const name = nameOf(row.competencyId);
    if (row.items === 0) {
      warnings.push({ kind: "uncovered", message: `${name} is a target but no question rates it.`, values: { name } });
    } else if (row.items === 1) {
      warnings.push({ kind: "thin", message: `${name} is rated by only one question; two or more give a steadier score.`, values: { name } });
    }
  }
  const total = weightTotal(doc);
  if (doc.targets.length > 0 && total !== 100) {
    warnings.push({ kind: "weights", message: `Competency weights add up to ${total}%; they must add up to 100%.`, values: { total } });
  }
  const minutes = totalMinutes(doc);
  if (minutes > doc.plannedMinutes) {
    const over = minutes - doc.plannedMinutes;
    warnings.push({ kind: "time", message: `Questions take ${minutes} minutes, ${over} more than the planned ${doc.plannedMinutes}.`, values: { minutes, over, planned: doc.plannedMinutes } });
  }
  const untagged = doc.sections.flatMap((s) => s.items).filter((i) => i.competencyIds.length === 0).length;
  if (untagged > 0) {
    warnings.push({ kind: "noCompetency", message: `${untagged} question${untagged === 1 ? " has" : "s have"} no competency to rate.`, values: { count: untagged } });
  }
  return warnings;
}

/** Finds an item by key: its section index and item index. */
export function locateItem(doc: Pick<ScriptDocument, "sections">, key: string): { section: number; index: number } | null {
  for (const [section, s] of doc.sections.entries()) {
    const index = s.items.findIndex((i) => i.key === key);
    if (index >= 0) return { section, index };
  }
  return null;
}

/** Moves an item to a position in any section (`toIndex` counted after removal). */
export function moveItem(doc: ScriptDocument, key: string, toSection: number, toIndex: number): ScriptDocument {
  const from = locateItem(doc, key);
  if (!from || toSection < 0 || toSection >= doc.sections.length) return doc;
  const item = doc.sections[from.section]!.items[from.index]!;
  const sections = doc.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.key !== key) }));
  const target = sections[toSection]!;
  const index = Math.max(0, Math.min(toIndex, target.items.length));
  target.items.splice(index, 0, item);
  return { ...doc, sections };
}

/** The document as a draft save sends it: keys dropped, text trimmed, blank probes left out. */
export function toDraftContent(doc: ScriptDocument) {
  return {
    title: doc.title.trim(),
    role: doc.role.trim(),
    instructions: doc.instructions,
    plannedMinutes: doc.plannedMinutes,
    targets: doc.targets,
    sections: doc.sections.map((section) => ({
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
  };
}

import { describe, expect, it } from "vitest";
import { doc, item } from "./script-document.fixtures";
import { initialBuilderState, MAX_SECTIONS, scriptDocumentReducer, type ScriptBuilderState, type ScriptDocumentAction } from "./script-document-reducer";
import { defaultTargets, withEqualWeights } from "./script-document";

const manual = (d = doc()) => initialBuilderState(d, false);
const auto = (d = doc()) => initialBuilderState(d, true);
const run = (state: ScriptBuilderState, ...actions: ScriptDocumentAction[]) => actions.reduce(scriptDocumentReducer, state);
const keys = (state: ScriptBuilderState) => state.doc.sections.map((s) => `${s.key}:${s.items.map((i) => i.key).join(",")}`);

describe("script document reducer: details", () => {
  it("sets the title, role, instructions and planned length, and marks the draft unsaved", () => {
    const next = run(manual(), { type: "setDetails", patch: { title: "New title" } }, { type: "setDetails", patch: { plannedMinutes: 45, instructions: "Be kind" } });
    expect(next.doc).toMatchObject({ title: "New title", role: "Mental Health Specialist", plannedMinutes: 45, instructions: "Be kind" });
    expect(next.dirty).toBe(true);
  });

  it("keeps a half-typed planned length (NaN) for the builder to refuse saving", () => {
    expect(run(manual(), { type: "setDetails", patch: { plannedMinutes: NaN } }).doc.plannedMinutes).toBeNaN();
  });

  it("leaves the state it was given untouched", () => {
    const start = manual();
    const before = JSON.stringify(start);
    run(start, { type: "setDetails", patch: { title: "x" } }, { type: "removeItem", itemKey: "a" }, { type: "addTarget", competencyId: "crisis" });
    expect(JSON.stringify(start)).toBe(before);
  });

  it("is clean again once saved, with the same document", () => {
    const edited = run(manual(), { type: "setDetails", patch: { role: "Nurse" } });
    const saved = run(edited, { type: "saved" });
    expect(saved.dirty).toBe(false);
    expect(saved.doc).toBe(edited.doc);
  });
});

describe("script document reducer: sections", () => {
  it("adds an empty section called New section at the end, with the key it is given", () => {
    const next = run(manual(), { type: "addSection", key: "s3" });
    expect(next.doc.sections.at(-1)).toEqual({ key: "s3", title: "New section", items: [] });
    expect(next.dirty).toBe(true);
  });

  it("adds no section beyond the maximum", () => {
    const full = manual(doc({ sections: Array.from({ length: MAX_SECTIONS }, (_, i) => ({ key: `s${i}`, title: `S${i}`, items: [] })) }));
    expect(run(full, { type: "addSection", key: "one-too-many" })).toBe(full);
  });

  it("renames only the section named", () => {
    const next = run(manual(), { type: "renameSection", sectionKey: "s2", title: "Risk" });
    expect(next.doc.sections.map((s) => s.title)).toEqual(["Opening", "Risk"]);
  });

  it("removes a section with its questions", () => {
    const next = run(manual(), { type: "removeSection", sectionKey: "s1" });
    expect(keys(next)).toEqual(["s2:c"]);
  });

  it("never removes the last section", () => {
    const one = run(manual(), { type: "removeSection", sectionKey: "s1" });
    expect(run(one, { type: "removeSection", sectionKey: "s2" })).toBe(one);
  });

  it("moves a section up, down and to where it is dropped", () => {
    const three = run(manual(), { type: "addSection", key: "s3" });
    expect(keys(run(three, { type: "moveSection", sectionKey: "s2", toIndex: 0 }))).toEqual(["s2:c", "s1:a,b", "s3:"]);
    expect(keys(run(three, { type: "moveSection", sectionKey: "s1", toIndex: 1 }))).toEqual(["s2:c", "s1:a,b", "s3:"]);
    expect(keys(run(three, { type: "moveSection", sectionKey: "s1", toIndex: 2 }))).toEqual(["s2:c", "s3:", "s1:a,b"]);
  });

  it("leaves the order alone when a section is moved past either end or is unknown", () => {
    expect(keys(run(manual(), { type: "moveSection", sectionKey: "s1", toIndex: -1 }))).toEqual(["s1:a,b", "s2:c"]);
    expect(keys(run(manual(), { type: "moveSection", sectionKey: "s2", toIndex: 2 }))).toEqual(["s1:a,b", "s2:c"]);
    expect(keys(run(manual(), { type: "moveSection", sectionKey: "nope", toIndex: 0 }))).toEqual(["s1:a,b", "s2:c"]);
  });
});

describe("script document reducer: questions", () => {
  it("adds a question at the end of its section", () => {
    const next = run(manual(), { type: "addItem", sectionKey: "s2", item: item("d", ["ethics"]) });
    expect(keys(next)).toEqual(["s1:a,b", "s2:c,d"]);
  });

  it("adds nothing to a section that is gone", () => {
    expect(keys(run(manual(), { type: "addItem", sectionKey: "gone", item: item("d", []) }))).toEqual(["s1:a,b", "s2:c"]);
  });

  it("changes only the fields given of the question named", () => {
    const next = run(manual(), { type: "changeItem", itemKey: "b", patch: { minutes: 12, probes: ["Why?"], required: false } });
    expect(next.doc.sections[0]!.items[1]).toEqual({ ...item("b", ["empathy", "ethics"], 12), probes: ["Why?"], required: false });
    expect(next.doc.sections[0]!.items[0]).toEqual(item("a", ["empathy"]));
  });

  it("removes a question; removing a section's last question leaves the section, empty", () => {
    const next = run(manual(), { type: "removeItem", itemKey: "c" });
    expect(keys(next)).toEqual(["s1:a,b", "s2:"]);
    expect(next.doc.sections).toHaveLength(2);
  });

  it("moves a question up and down within its section", () => {
    expect(keys(run(manual(), { type: "moveItem", itemKey: "b", toSectionKey: "s1", toIndex: 0 }))).toEqual(["s1:b,a", "s2:c"]);
    expect(keys(run(manual(), { type: "moveItem", itemKey: "a", toSectionKey: "s1", toIndex: 1 }))).toEqual(["s1:b,a", "s2:c"]);
  });

  it("keeps the first question first when moved up, and the last last when moved down", () => {
    expect(keys(run(manual(), { type: "moveItem", itemKey: "a", toSectionKey: "s1", toIndex: -1 }))).toEqual(["s1:a,b", "s2:c"]);
    expect(keys(run(manual(), { type: "moveItem", itemKey: "b", toSectionKey: "s1", toIndex: 2 }))).toEqual(["s1:a,b", "s2:c"]);
  });

  it("moves a question to the end of another section, or to a position in it", () => {
    expect(keys(run(manual(), { type: "moveItem", itemKey: "a", toSectionKey: "s2" }))).toEqual(["s1:b", "s2:c,a"]);
    expect(keys(run(manual(), { type: "moveItem", itemKey: "a", toSectionKey: "s2", toIndex: 0 }))).toEqual(["s1:b", "s2:a,c"]);
  });

  it("moves a section's only question out, leaving the section empty", () => {
    expect(keys(run(manual(), { type: "moveItem", itemKey: "c", toSectionKey: "s1" }))).toEqual(["s1:a,b,c", "s2:"]);
  });

  it("moves a question into an empty section", () => {
    const withEmpty = run(manual(), { type: "addSection", key: "s3" });
    expect(keys(run(withEmpty, { type: "moveItem", itemKey: "b", toSectionKey: "s3" }))).toEqual(["s1:a", "s2:c", "s3:b"]);
  });

  it("leaves the script alone for an unknown question or section", () => {
    expect(keys(run(manual(), { type: "moveItem", itemKey: "zzz", toSectionKey: "s2" }))).toEqual(["s1:a,b", "s2:c"]);
    expect(keys(run(manual(), { type: "moveItem", itemKey: "a", toSectionKey: "gone" }))).toEqual(["s1:a,b", "s2:c"]);
  });
});

describe("script document reducer: targets and weights", () => {
  it("with automatic targets, every content edit retargets each question's main competency, weighted equally", () => {
    const start = auto(doc({ targets: defaultTargets(doc()) }));
    const added = run(start, { type: "addItem", sectionKey: "s2", item: item("d", ["ethics", "crisis"]) });
    expect(added.doc.targets).toEqual(withEqualWeights(["empathy", "crisis", "ethics"]));
    const removed = run(added, { type: "removeItem", itemKey: "c" }, { type: "removeItem", itemKey: "d" });
    expect(removed.doc.targets).toEqual([{ competencyId: "empathy", weight: 100 }]);
    // Details too: the targets are recomputed (the same ones).
    expect(run(start, { type: "setDetails", patch: { title: "T" } }).doc.targets).toEqual(defaultTargets(doc()));
  });

  it("removing every question under automatic targets leaves no targets", () => {
    const emptied = run(auto(), { type: "removeItem", itemKey: "a" }, { type: "removeItem", itemKey: "b" }, { type: "removeItem", itemKey: "c" });
    expect(emptied.doc.targets).toEqual([]);
  });

  it("without automatic targets, content edits leave the targets as chosen", () => {
    const next = run(manual(), { type: "removeItem", itemKey: "b" }, { type: "addItem", sectionKey: "s1", item: item("d", ["crisis"]) });
    expect(next.doc.targets).toEqual(withEqualWeights(["empathy", "ethics"]));
  });

  it("sets a weight without turning automatic targets off, and the next content edit recomputes them", () => {
    const weighted = run(auto(doc({ targets: defaultTargets(doc()) })), { type: "setWeight", competencyId: "empathy", weight: 70 });
    expect(weighted.autoTargets).toBe(true);
    expect(weighted.doc.targets).toEqual([
      { competencyId: "empathy", weight: 70 },
      { competencyId: "crisis", weight: 50 },
    ]);
    expect(run(weighted, { type: "setDetails", patch: { role: "Nurse" } }).doc.targets).toEqual(defaultTargets(doc()));
  });

  it("adding a target by hand turns automatic targets off and starts it at weight 0", () => {
    const next = run(auto(doc({ targets: defaultTargets(doc()) })), { type: "addTarget", competencyId: "ethics" });
    expect(next.autoTargets).toBe(false);
    expect(next.dirty).toBe(true);
    expect(next.doc.targets).toEqual([...defaultTargets(doc()), { competencyId: "ethics", weight: 0 }]);
  });

  it("adds no target twice", () => {
    const next = run(manual(), { type: "addTarget", competencyId: "empathy" });
    expect(next.doc.targets).toEqual(withEqualWeights(["empathy", "ethics"]));
  });

  it("removing a target turns automatic targets off and keeps the others' weights", () => {
    const next = run(auto(doc({ targets: withEqualWeights(["empathy", "ethics", "crisis"]) })), { type: "removeTarget", competencyId: "ethics" });
    expect(next.autoTargets).toBe(false);
    expect(next.doc.targets).toEqual([
      { competencyId: "empathy", weight: 34 },
      { competencyId: "crisis", weight: 33 },
    ]);
  });

  it("removing the last target leaves none", () => {
    const next = run(manual(doc({ targets: [{ competencyId: "empathy", weight: 100 }] })), { type: "removeTarget", competencyId: "empathy" });
    expect(next.doc.targets).toEqual([]);
  });

  it("splits the weights equally over the chosen targets", () => {
    const next = run(manual(doc({ targets: [{ competencyId: "empathy", weight: 90 }, { competencyId: "ethics", weight: 0 }, { competencyId: "crisis", weight: 3 }] })), {
      type: "splitEqually",
    });
    expect(next.doc.targets).toEqual(withEqualWeights(["empathy", "ethics", "crisis"]));
  });

  it("turning automatic targets on recomputes them and is an edit to save", () => {
    const next = run(manual(), { type: "setAutoTargets", on: true });
    expect(next.autoTargets).toBe(true);
    expect(next.dirty).toBe(true);
    expect(next.doc.targets).toEqual(defaultTargets(doc()));
  });

  it("turning automatic targets off changes nothing to save", () => {
    const start = auto();
    const next = run(start, { type: "setAutoTargets", on: false });
    expect(next.autoTargets).toBe(false);
    expect(next.dirty).toBe(false);
    expect(next.doc).toBe(start.doc);
  });
});

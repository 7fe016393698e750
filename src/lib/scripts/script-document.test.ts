import { describe, expect, it } from "vitest";
import { doc, item } from "./script-document.fixtures";
import {
  coverage,
  defaultTargetIds,
  defaultTargets,
  equalWeights,
  moveInArray,
  moveItem,
  scriptWarnings,
  targetsAreDefault,
  toDraftContent,
  totalMinutes,
  withEqualWeights,
} from "./script-document";

describe("equal weights", () => {
  it("always add up to 100 in whole percent", () => {
    expect(equalWeights(4)).toEqual([25, 25, 25, 25]);
    expect(equalWeights(3)).toEqual([34, 33, 33]);
    expect(equalWeights(7).reduce((a, b) => a + b, 0)).toBe(100);
    expect(equalWeights(0)).toEqual([]);
  });
});

describe("coverage and time", () => {
  it("counts how many questions rate each competency, targets first", () => {
    expect(coverage(doc())).toEqual([
      { competencyId: "empathy", items: 2, weight: 50, isTarget: true },
      { competencyId: "ethics", items: 1, weight: 50, isTarget: true },
      { competencyId: "crisis", items: 1, weight: null, isTarget: false },
    ]);
  });

  it("adds up the minutes of every question", () => {
    expect(totalMinutes(doc())).toBe(35);
  });

  it("warns about an uncovered or thinly covered target, weights off 100 and overtime", () => {
    const names = (id: string) => id.toUpperCase();
    const messages = scriptWarnings(
      doc({ targets: [{ competencyId: "empathy", weight: 40 }, { competencyId: "ethics", weight: 30 }, { competencyId: "collab", weight: 20 }] }),
      names,
    ).map((w) => w.message);
    expect(messages).toContain("COLLAB is a target but no question rates it.");
    expect(messages).toContain("ETHICS is rated by only one question; two or more give a steadier score.");
    expect(messages).toContain("Competency weights add up to 90%; they must add up to 100%.");
    expect(messages).toContain("Questions take 35 minutes, 5 more than the planned 30.");
    expect(messages.some((m) => m.startsWith("EMPATHY"))).toBe(false);
  });

  it("has nothing to say about a balanced script", () => {
    const balanced = doc({
      plannedMinutes: 60,
      targets: withEqualWeights(["empathy", "crisis"]),
      sections: [{ key: "s", title: "All", items: [item("a", ["empathy"]), item("b", ["empathy", "crisis"]), item("c", ["crisis"])] }],
    });
    expect(scriptWarnings(balanced, String)).toEqual([]);
  });

  it("targets each question's main competency by default, equally weighted; the others are only also rated", () => {
    // a: empathy; b: empathy (main) and ethics; c: crisis.
    expect(defaultTargetIds(doc())).toEqual(["empathy", "crisis"]);
    expect(defaultTargets(doc())).toEqual([
      { competencyId: "empathy", weight: 50 },
      { competencyId: "crisis", weight: 50 },
    ]);
    const byDefault = doc({ targets: defaultTargets(doc()) });
    expect(coverage(byDefault).find((r) => r.competencyId === "ethics")).toEqual({ competencyId: "ethics", items: 1, weight: null, isTarget: false });
    // Ethics is rated once, but nobody chose it: no warning about it.
    expect(scriptWarnings(byDefault, (id) => id.toUpperCase()).some((w) => w.message.includes("ETHICS"))).toBe(false);
  });

  it("recognises the default targets: main competencies, equal weights", () => {
    expect(targetsAreDefault(doc({ targets: withEqualWeights(["empathy", "crisis"]) }))).toBe(true);
    expect(targetsAreDefault(doc({ targets: withEqualWeights(["empathy", "ethics", "crisis"]) }))).toBe(false);
    expect(targetsAreDefault(doc())).toBe(false);
  });
});

describe("reordering", () => {
  it("moves an element within a list", () => {
    expect(moveInArray(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveInArray(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveInArray(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });

  it("moves an item into another section at a position", () => {
    const moved = moveItem(doc(), "a", 1, 1);
    expect(moved.sections[0]!.items.map((i) => i.key)).toEqual(["b"]);
    expect(moved.sections[1]!.items.map((i) => i.key)).toEqual(["c", "a"]);
  });

  it("leaves the script alone for an unknown item or section", () => {
    const original = doc();
    expect(moveItem(original, "zzz", 0, 0)).toBe(original);
    expect(moveItem(original, "a", 9, 0)).toBe(original);
  });
});

describe("draft content", () => {
  it("is what a save sends: keys dropped, text trimmed, blank probes left out", () => {
    const edited = doc({
      title: "  Panel ",
      sections: [{ key: "s", title: " Opening ", items: [{ ...item("a", ["empathy"]), text: " Why? ", probes: [" Tell me more ", "  ", ""] }] }],
    });
    expect(toDraftContent(edited)).toEqual({
      title: "Panel",
      role: "Mental Health Specialist",
      instructions: "",
      plannedMinutes: 30,
      targets: withEqualWeights(["empathy", "ethics"]),
      sections: [
        {
          title: "Opening",
          items: [{ questionId: null, text: "Why?", minutes: 5, goodAnswer: "", exampleAnswer: "", probes: ["Tell me more"], required: true, competencyIds: ["empathy"] }],
        },
      ],
    });
  });
});

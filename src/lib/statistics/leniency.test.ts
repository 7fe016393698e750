import { describe, expect, it } from "vitest";
import { leniencyOffsets, type RaterScore } from "./leniency";

const s = (rater: string, unit: string, score: number): RaterScore => ({ rater, unit, score });

describe("leniencyOffsets", () => {
  it("matches a hand-computed case", () => {
    // Unit u1: ann 4, bob 2, cat 3.   Unit u2: ann 5, bob 3.   Unit u3: cat 1 (nobody else).
    // u1: ann 4 − (2+3)/2 = +1.5;  bob 2 − (4+3)/2 = −1.5;  cat 3 − (4+2)/2 = 0
    // u2: ann 5 − 3 = +2;          bob 3 − 5 = −2
    // u3: not shared, does not count for cat.
    // ann: (1.5 + 2) / 2 = 1.75 over 2 units; bob: (−1.5 − 2) / 2 = −1.75 over 2; cat: 0 / 1 = 0 over 1.
    const offsets = leniencyOffsets([
      s("ann", "u1", 4),
      s("bob", "u1", 2),
      s("cat", "u1", 3),
      s("ann", "u2", 5),
      s("bob", "u2", 3),
      s("cat", "u3", 1),
    ]);
    expect(offsets.get("ann")).toEqual({ offset: 1.75, comparisons: 2 });
    expect(offsets.get("bob")).toEqual({ offset: -1.75, comparisons: 2 });
    expect(offsets.get("cat")).toEqual({ offset: 0, comparisons: 1 });
  });

  it("gives every rater an offset of 0 when all score identically", () => {
    const scores = ["u1", "u2", "u3"].flatMap((unit, i) => ["ann", "bob", "cat"].map((rater) => s(rater, unit, i + 2)));
    const offsets = leniencyOffsets(scores);
    expect([...offsets.values()]).toEqual([
      { offset: 0, comparisons: 3 },
      { offset: 0, comparisons: 3 },
      { offset: 0, comparisons: 3 },
    ]);
  });

  it("gives null with no comparisons to a rater who shares no unit", () => {
    const offsets = leniencyOffsets([s("ann", "u1", 4), s("bob", "u1", 2), s("dan", "u9", 5), s("dan", "u8", 1)]);
    expect(offsets.get("dan")).toEqual({ offset: null, comparisons: 0 });
    expect(offsets.get("ann")).toEqual({ offset: 2, comparisons: 1 });
  });

  it("lists raters in order of first appearance and handles no data", () => {
    expect([...leniencyOffsets([s("zed", "u1", 1), s("amy", "u1", 2)]).keys()]).toEqual(["zed", "amy"]);
    expect(leniencyOffsets([]).size).toBe(0);
  });

  it("rejects two scores from one rater for the same unit", () => {
    expect(() => leniencyOffsets([s("ann", "u1", 4), s("ann", "u1", 3)])).toThrow(/more than one score/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveMinCell, fewerThan, suppressSmallCells } from "./suppress-small-cells";

describe("suppressSmallCells", () => {
  it("shows every group resting on at least the threshold", () => {
    expect(suppressSmallCells([12, 5, 9], 5)).toEqual(["shown", "shown", "shown"]);
  });

  it("hides a second group when one alone would be recovered by subtraction from the stage's total", () => {
    // 20 people at the stage (shown on the pipeline); with only 'c' hidden, 20 − 9 − 8 = 3 gives it away.
    expect(suppressSmallCells([9, 8, 3], 5)).toEqual(["shown", "secondary", "primary"]);
  });

  it("keeps hiding until the hidden groups rest on at least the threshold together", () => {
    // 1 + 2 = 3 people would still be a small figure by subtraction: the next smallest goes too.
    expect(suppressSmallCells([1, 2, 6, 30], 5)).toEqual(["primary", "primary", "secondary", "shown"]);
  });

  it("hides both groups of a two-group category when one is small", () => {
    expect(suppressSmallCells([40, 2], 5)).toEqual(["secondary", "primary"]);
  });

  it("never lets the organisation go under 5", () => {
    expect(effectiveMinCell(3)).toBe(5);
    expect(effectiveMinCell(8)).toBe(8);
    expect(suppressSmallCells([4, 10, 10], 2)).toEqual(["primary", "secondary", "shown"]);
    expect(fewerThan(2)).toBe("fewer than 5");
    expect(fewerThan(10)).toBe("fewer than 10");
  });

  it("never leaves a hidden group recoverable: none hidden, or at least two resting on the threshold together, or all", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 5, max: 10 }), (sizes, minCell) => {
        const visibility = suppressSmallCells(sizes, minCell);
        const hidden = sizes.filter((_, i) => visibility[i] !== "shown");
        // Every small group is hidden.
        sizes.forEach((n, i) => n < minCell && expect(visibility[i]).not.toBe("shown"));
        if (hidden.length > 0 && hidden.length < sizes.length) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(minCell);
        }
      }),
    );
  });
});

describe("suppressSmallCells with groups hidden elsewhere", () => {
  it("hides a second group of a dependent row when its group was hidden by the row it rests on", () => {
    // Decisions per group: 'a' has 9 but its candidates' count was hidden, so 'a' stays hidden here and one
    // more group goes with it, or 'a' would be the stage's decisions minus the others.
    expect(suppressSmallCells([9, 12, 20], 5, { alreadyHidden: [true, false, false] })).toEqual(["primary", "secondary", "shown"]);
  });

  it("counts whole groups towards the hidden groups' threshold when the cells are parts of them", () => {
    // Those not selected: 'c' (1 of 3) and 'd' (1 of 2) are small cells, but the two groups hold 5 people
    // together, so 'a' and 'b' stay shown.
    expect(suppressSmallCells([5, 5, 1, 1], 5, { people: [15, 15, 3, 2] })).toEqual(["shown", "shown", "primary", "primary"]);
    expect(suppressSmallCells([5, 5, 1, 1], 5)).toEqual(["secondary", "shown", "primary", "primary"]);
  });
});

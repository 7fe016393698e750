import { describe, expect, it } from "vitest";
import { krippendorffAlpha, readAlpha } from "./krippendorff-alpha";

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers (A–D) rate
// 12 units on a 1–5 scale with missing data. Rows here are units, columns observers A, B, C, D.
// Unit 12 has a single value (B: 3), so it is unpairable and n = 40 values remain.
const workedExample = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

// Same paper, section A: two observers, ten units, binary nominal data.
const binaryA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const binaryB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
const binaryExample = binaryA.map((a, i) => [a, binaryB[i] ?? null]);

describe("krippendorffAlpha", () => {
  it("reproduces the published values of the paper's worked example for each metric", () => {
    const nominal = krippendorffAlpha(workedExample, "nominal");
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(workedExample, "ordinal").alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(workedExample, "interval").alpha).toBeCloseTo(0.849, 3);
  });

  it("counts pairable values, pairable units and rater columns", () => {
    expect(krippendorffAlpha(workedExample, "nominal")).toMatchObject({ pairableValues: 40, units: 11, raters: 4 });
  });

  it("reproduces the paper's binary two-observer example", () => {
    const result = krippendorffAlpha(binaryExample, "nominal");
    expect(result.alpha).toBeCloseTo(0.095, 3);
    expect(result).toMatchObject({ pairableValues: 20, units: 10, raters: 2 });
  });

  it("gives 1 when all raters agree on every unit and units differ", () => {
    const units = [
      [1, 1, 1],
      [3, 3, 3],
      [5, 5, _],
      [2, 2, 2],
    ];
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      expect(krippendorffAlpha(units, metric).alpha).toBe(1);
    }
  });

  it("ignores units with no values or a single value", () => {
    const withExtras = [...workedExample, [_, _, _, _], [], [_, 4, _, _]];
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      const plain = krippendorffAlpha(workedExample, metric);
      const extra = krippendorffAlpha(withExtras, metric);
      expect(extra.alpha).toBe(plain.alpha);
      expect(extra.pairableValues).toBe(40);
      expect(extra.units).toBe(11);
    }
  });

  it("is undefined (null) when there are fewer than two pairable values", () => {
    expect(krippendorffAlpha([], "interval")).toEqual({ alpha: null, pairableValues: 0, units: 0, raters: 0 });
    expect(krippendorffAlpha([[3, _], [_, 4]], "interval")).toEqual({
      alpha: null,
      pairableValues: 0,
      units: 0,
      raters: 2,
    });
  });

  it("is undefined (null) when every value is the same, since no disagreement is possible", () => {
    const result = krippendorffAlpha([[3, 3], [3, 3, 3], [3, _]], "ordinal");
    expect(result).toEqual({ alpha: null, pairableValues: 5, units: 2, raters: 3 });
  });

  it("goes negative when raters systematically disagree", () => {
    const result = krippendorffAlpha([[1, 5], [5, 1], [1, 5], [5, 1]], "interval");
    expect(result.alpha).not.toBeNull();
    expect(result.alpha ?? 0).toBeLessThan(0);
  });

  it("rates ordinal and interval disagreement by size, nominal not", () => {
    // Same units, but in the second set the one disagreement is 1 vs 2 rather than 1 vs 5.
    const far = [[1, 5], [1, 1], [2, 2], [5, 5], [3, 3]];
    const near = [[1, 2], [1, 1], [2, 2], [5, 5], [3, 3]];
    expect(krippendorffAlpha(far, "nominal").alpha).toBeCloseTo(krippendorffAlpha(near, "nominal").alpha ?? NaN, 12);
    expect(krippendorffAlpha(near, "interval").alpha ?? 0).toBeGreaterThan(krippendorffAlpha(far, "interval").alpha ?? 0);
    expect(krippendorffAlpha(near, "ordinal").alpha ?? 0).toBeGreaterThan(krippendorffAlpha(far, "ordinal").alpha ?? 0);
  });

  it("rejects non-finite ratings", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], "nominal")).toThrow(RangeError);
  });
});

describe("readAlpha", () => {
  it("applies Krippendorff's thresholds", () => {
    expect(readAlpha({ alpha: 0.8, pairableValues: 40 }).reading).toBe("reliable");
    expect(readAlpha({ alpha: 0.95, pairableValues: 40 }).reading).toBe("reliable");
    expect(readAlpha({ alpha: 0.799, pairableValues: 40 }).reading).toBe("tentative");
    expect(readAlpha({ alpha: 0.667, pairableValues: 40 }).reading).toBe("tentative");
    expect(readAlpha({ alpha: 0.666, pairableValues: 40 }).reading).toBe("unreliable");
    expect(readAlpha({ alpha: -0.2, pairableValues: 40 }).reading).toBe("unreliable");
  });

  it("classifies the value as displayed to three decimals", () => {
    expect(readAlpha({ alpha: 0.79996, pairableValues: 40 }).reading).toBe("reliable");
    expect(readAlpha({ alpha: 0.6666, pairableValues: 40 }).reading).toBe("tentative");
  });

  it("reports missing alpha as not enough data, explaining why", () => {
    const tooFew = readAlpha({ alpha: null, pairableValues: 0 });
    const noVariation = readAlpha({ alpha: null, pairableValues: 12 });
    expect(tooFew.reading).toBe("not enough data");
    expect(noVariation.reading).toBe("not enough data");
    expect(tooFew.text).not.toBe(noVariation.text);
  });

  it("reads the worked example's alphas", () => {
    expect(readAlpha(krippendorffAlpha(workedExample, "nominal")).reading).toBe("tentative");
    expect(readAlpha(krippendorffAlpha(workedExample, "interval")).reading).toBe("reliable");
  });
});

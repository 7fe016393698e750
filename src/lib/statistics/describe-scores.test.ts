import { describe, expect, it } from "vitest";
import { describeScores, weightedScore } from "./describe-scores";

describe("describeScores", () => {
  it("summarises a set of scores with the sample standard deviation", () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7.
    const summary = describeScores([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary).toMatchObject({ n: 8, mean: 5, min: 2, max: 9, range: 7 });
    expect(summary.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("gives no SD for a single score", () => {
    expect(describeScores([3])).toEqual({ n: 1, mean: 3, sd: null, min: 3, max: 3, range: 0 });
  });

  it("gives nulls for no scores", () => {
    expect(describeScores([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null, range: null });
  });

  it("gives SD 0 for identical scores and handles negatives", () => {
    expect(describeScores([4, 4, 4]).sd).toBe(0);
    expect(describeScores([-1, 1])).toMatchObject({ mean: 0, min: -1, max: 1, range: 2 });
  });

  it("rejects non-finite scores", () => {
    expect(() => describeScores([1, Number.NaN])).toThrow(RangeError);
  });
});

describe("weightedScore", () => {
  it("weights competency means", () => {
    // (4×2 + 2×1) / 3 = 10/3
    expect(weightedScore([{ mean: 4, weight: 2 }, { mean: 2, weight: 1 }])).toBeCloseTo(10 / 3, 12);
  });

  it("leaves out competencies with no mean and renormalises the rest", () => {
    // Only the 3 (weight 1) and 5 (weight 3) count: (3 + 15) / 4 = 4.5.
    expect(
      weightedScore([
        { mean: 3, weight: 1 },
        { mean: null, weight: 6 },
        { mean: 5, weight: 3 },
      ]),
    ).toBe(4.5);
  });

  it("is null when nothing has data", () => {
    expect(weightedScore([])).toBeNull();
    expect(weightedScore([{ mean: null, weight: 1 }])).toBeNull();
    expect(weightedScore([{ mean: 3, weight: 0 }])).toBeNull();
  });

  it("rejects negative or non-finite weights", () => {
    expect(() => weightedScore([{ mean: 3, weight: -1 }])).toThrow(RangeError);
    expect(() => weightedScore([{ mean: null, weight: Number.NaN }])).toThrow(RangeError);
  });
});

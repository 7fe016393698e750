import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differenceIsFlagged, hedgesG, summarise } from "./hedges-g";

describe("hedgesG", () => {
  it("reproduces Borenstein et al.'s worked example (means 103/100, SD 5.5/4.5, n 50/50)", () => {
    // Introduction to Meta-Analysis (2009), section 4.2: S_within 5.0249, d 0.5970, V_d 0.0418, J 0.9923,
    // g 0.5924, V_g 0.0411.
    const diff = hedgesG({ mean: 103, sd: 5.5, n: 50 }, { mean: 100, sd: 4.5, n: 50 })!;
    expect(diff.d).toBeCloseTo(0.597, 4);
    expect(diff.g).toBeCloseTo(0.5924, 4);
    expect(diff.variance).toBeCloseTo(0.0411, 4);
    // g ± 1.96 × √0.0411 = 0.5924 ± 0.3974
    expect(diff.ciLow).toBeCloseTo(0.195, 3);
    expect(diff.ciHigh).toBeCloseTo(0.99, 3);
    expect(differenceIsFlagged(diff)).toBe(true);
  });

  it("corrects small samples more: n 5/5 shrinks d by J = 1 − 3/31", () => {
    const diff = hedgesG({ mean: 3, sd: 1, n: 5 }, { mean: 2, sd: 1, n: 5 })!;
    expect(diff.d).toBe(1);
    expect(diff.g).toBeCloseTo(1 - 3 / 31, 12);
    // V_d = 10/25 + 1/20 = 0.45; the interval is wide and includes 0, so no flag despite a large g.
    expect(diff.variance).toBeCloseTo((1 - 3 / 31) ** 2 * 0.45, 12);
    expect(diff.ciLow).toBeLessThan(0);
    expect(differenceIsFlagged(diff)).toBe(false);
  });

  it("does not flag a difference under 0.2 even when the interval excludes zero", () => {
    const diff = hedgesG({ mean: 2.15, sd: 0.5, n: 5000 }, { mean: 2.1, sd: 0.5, n: 5000 })!;
    expect(diff.ciLow).toBeGreaterThan(0);
    expect(Math.abs(diff.g)).toBeLessThan(0.2);
    expect(differenceIsFlagged(diff)).toBe(false);
  });

  it("is undefined with fewer than two people in a group or no spread at all", () => {
    expect(hedgesG({ mean: 3, sd: 0, n: 1 }, { mean: 2, sd: 1, n: 10 })).toBeNull();
    expect(hedgesG({ mean: 3, sd: 0, n: 6 }, { mean: 2, sd: 0, n: 10 })).toBeNull();
    expect(differenceIsFlagged(null)).toBe(false);
  });

  it("summarises raw values with the n − 1 standard deviation", () => {
    expect(summarise([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: Math.sqrt(32 / 7), n: 8 });
    expect(summarise([3])).toEqual({ mean: 3, sd: 0, n: 1 });
  });

  it("is antisymmetric: swapping the groups negates g and mirrors the interval", () => {
    const sample = fc.record({ mean: fc.double({ min: 1, max: 4, noNaN: true }), sd: fc.double({ min: 0.1, max: 2, noNaN: true }), n: fc.integer({ min: 2, max: 200 }) });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = hedgesG(a, b)!;
        const ba = hedgesG(b, a)!;
        expect(ba.g).toBeCloseTo(-ab.g, 9);
        expect(ba.ciLow).toBeCloseTo(-ab.ciHigh, 9);
        expect(ab.ciLow).toBeLessThanOrEqual(ab.g);
        expect(Math.abs(ab.g)).toBeLessThanOrEqual(Math.abs(ab.d) + 1e-12);
      }),
    );
  });
});

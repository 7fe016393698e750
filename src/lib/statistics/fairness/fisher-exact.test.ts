import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fisherExactTwoSided } from "./fisher-exact";

describe("fisherExactTwoSided", () => {
  it("gives Fisher's lady tasting tea its published p of 0.4857 (3, 1, 1, 3)", () => {
    // Fisher (1935): 8 cups, 4 milk first; she named 3 of them right. Two-sided p = 34/70.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 10);
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857, 4);
  });

  it("gives the dieting-by-sex table its textbook p of 0.002759 (1, 9, 11, 3)", () => {
    // The worked example of Fisher's test on Wikipedia and in Agresti-style texts; R and SciPy agree.
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.0027594561852, 10);
  });

  it("keeps tables exactly as probable as the observed one, whatever the rounding (symmetric 2×2)", () => {
    // In a table with equal margins, the observed table and its mirror are equally likely and both count.
    expect(fisherExactTwoSided(2, 3, 6, 4)).toBeCloseTo(0.6083916083916, 10);
    expect(fisherExactTwoSided(10, 2, 3, 15)).toBeCloseTo(0.000536724119143, 12);
  });

  it("is 1 when a margin leaves no freedom, and refuses cells that are not counts", () => {
    expect(fisherExactTwoSided(0, 0, 4, 5)).toBe(1);
    expect(fisherExactTwoSided(5, 0, 7, 0)).toBe(1);
    expect(() => fisherExactTwoSided(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1.5, 2, 3, 4)).toThrow(RangeError);
  });

  it("is a probability, unchanged by swapping rows, columns or both", () => {
    const cell = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const p = fisherExactTwoSided(a, b, c, d);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(fisherExactTwoSided(c, d, a, b)).toBeCloseTo(p, 9);
        expect(fisherExactTwoSided(b, a, d, c)).toBeCloseTo(p, 9);
        expect(fisherExactTwoSided(d, c, b, a)).toBeCloseTo(p, 9);
      }),
    );
  });
});

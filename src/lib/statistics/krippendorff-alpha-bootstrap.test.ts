import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/seeded-random";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { bootstrapKrippendorffAlpha } from "./krippendorff-alpha-bootstrap";

const _ = null;

// Krippendorff (2011), section C (the data of krippendorff-alpha.test.ts): 4 observers, n = 40 pairable values.
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

/** Units of `raters` ratings on 1–4: a true level per unit, and each rater off by one with probability `noise`. */
function panelData(units: number, raters: number, noise: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => {
    const truth = 1 + Math.floor(random() * 4);
    return Array.from({ length: raters }, () => {
      if (random() >= noise) return truth;
      const step = random() < 0.5 ? -1 : 1;
      return Math.min(4, Math.max(1, truth + step));
    });
  });
}

/** Units of `raters` ratings drawn at random from 1–4: no agreement beyond chance. */
function randomData(units: number, raters: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => Array.from({ length: raters }, () => 1 + Math.floor(random() * 4)));
}

describe("bootstrapKrippendorffAlpha", () => {
  it("gives a perfectly agreeing data set a degenerate interval at 1 and no chance of falling below 0.667", () => {
    const units = Array.from({ length: 40 }, (_unit, i) => [1 + (i % 4), 1 + (i % 4), 1 + (i % 4)]);
    for (const metric of ["ordinal", "interval", "nominal"] as const) {
      const result = bootstrapKrippendorffAlpha(units, metric, { samples: 2000 });
      expect(result).toMatchObject({ alpha: 1, low: 1, high: 1, probabilityBelowMinimum: 0 });
    }
  });

  it("puts a random data set's alpha inside its interval, with a high chance of falling below 0.667", () => {
    const units = randomData(30, 3, 11);
    const result = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 4000 });
    expect(result.alpha).not.toBeNull();
    expect(Math.abs(result.alpha!)).toBeLessThan(0.25);
    expect(result.low!).toBeLessThanOrEqual(result.alpha!);
    expect(result.high!).toBeGreaterThanOrEqual(result.alpha!);
    expect(result.low!).toBeLessThan(result.high!);
    expect(result.probabilityBelowMinimum!).toBeGreaterThan(0.99);
  });

  it("centres the distribution on the observed alpha (the expected bootstrapped disagreement is the observed one)", () => {
    const units = panelData(60, 3, 0.35, 5);
    const result = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 6000 });
    expect(result.alpha).toBeCloseTo(krippendorffAlpha(units, "ordinal").alpha!, 12);
    expect(result.low!).toBeLessThan(result.alpha!);
    expect(result.high!).toBeGreaterThan(result.alpha!);
    // The middle of the interval sits near alpha: the bootstrap is (nearly) unbiased for it.
    expect(Math.abs((result.low! + result.high!) / 2 - result.alpha!)).toBeLessThan(0.05);
  });

  it("narrows the interval as more units are rated", () => {
    const width = (units: number) => {
      const r = bootstrapKrippendorffAlpha(panelData(units, 3, 0.4, 7), "ordinal", { samples: 4000 });
      return r.high! - r.low!;
    };
    const few = width(8);
    const some = width(30);
    const many = width(120);
    expect(some).toBeLessThan(few);
    expect(many).toBeLessThan(some);
    expect(many).toBeLessThan(few / 2);
  });

  it("draws M = min(25·q, (m−1)·n/2) pairs per sample", () => {
    // Worked example: m = 4 observers, n = 40 → (m−1)·n/2 = 60, well under 25 × the non-zero cells.
    expect(bootstrapKrippendorffAlpha(workedExample, "nominal", { samples: 1000 }).pairsPerSample).toBe(60);
    // 200 units by 2 raters in two values: n = 400 → 200 pairs, but only 4 non-zero cells (1–1, 2–2 and
    // both orders of 1–2) → 25 × 4 = 100.
    const twoValues = Array.from({ length: 200 }, (_unit, i) => (i % 3 === 0 ? [1, 2] : [1 + (i % 2), 1 + (i % 2)]));
    expect(bootstrapKrippendorffAlpha(twoValues, "nominal", { samples: 1000 }).pairsPerSample).toBe(100);
  });

  it("is deterministic for a seed and moves a little with another seed", () => {
    const units = panelData(20, 3, 0.4, 3);
    const a = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 2000, seed: 1 });
    expect(bootstrapKrippendorffAlpha(units, "ordinal", { samples: 2000, seed: 1 })).toEqual(a);
    const b = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 2000, seed: 2 });
    expect(b.alpha).toBe(a.alpha);
    expect(Math.abs(b.low! - a.low!)).toBeLessThan(0.08);
    expect(Math.abs(b.high! - a.high!)).toBeLessThan(0.08);
  });

  it("contains the worked example's published alpha for each metric, and never goes below −1", () => {
    for (const [metric, published] of [
      ["nominal", 0.743],
      ["ordinal", 0.815],
      ["interval", 0.849],
    ] as const) {
      const result = bootstrapKrippendorffAlpha(workedExample, metric, { samples: 3000 });
      expect(result.alpha).toBeCloseTo(published, 3);
      expect(result.low!).toBeLessThan(published);
      expect(result.high!).toBeGreaterThan(published);
      expect(result.low!).toBeGreaterThanOrEqual(-1);
      expect(result.high!).toBeLessThanOrEqual(1);
    }
  });

  it("returns no interval when alpha is undefined", () => {
    expect(bootstrapKrippendorffAlpha([[3, 3], [3, 3, 3]], "ordinal")).toMatchObject({
      alpha: null,
      low: null,
      high: null,
      probabilityBelowMinimum: null,
      pairableValues: 5,
    });
    expect(bootstrapKrippendorffAlpha([], "interval").alpha).toBeNull();
  });

  it("reads the probability against another minimum and a narrower confidence on request", () => {
    const units = panelData(40, 3, 0.4, 9);
    const wide = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 3000 });
    const narrow = bootstrapKrippendorffAlpha(units, "ordinal", { samples: 3000, confidence: 0.8, minimum: 0.8 });
    expect(narrow.high! - narrow.low!).toBeLessThan(wide.high! - wide.low!);
    expect(narrow.probabilityBelowMinimum!).toBeGreaterThanOrEqual(wide.probabilityBelowMinimum!);
    expect(() => bootstrapKrippendorffAlpha(units, "ordinal", { samples: 0 })).toThrow(RangeError);
    expect(() => bootstrapKrippendorffAlpha(units, "ordinal", { confidence: 1 })).toThrow(RangeError);
  });
});

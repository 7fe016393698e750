// Calibration keeps its data as counted patterns: alpha, its interval and leniency from those must equal the
// figures from the expanded data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alphaIntervals } from "./alpha-interval";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { leniencyOffsets, leniencySums, offsetsFromSums } from "./leniency";

const unitArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 });

describe("counted units", () => {
  it("give the alpha, n and interval of the units written out", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unitArb, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }), (patterns) => {
        const units = patterns.map(([u]) => u);
        const counts = patterns.map(([, n]) => n);
        const expanded = patterns.flatMap(([u, n]) => Array.from({ length: n }, () => u));
        const a = krippendorffAlpha(units, "ordinal", counts);
        const b = krippendorffAlpha(expanded, "ordinal");
        expect([a.pairableValues, a.units, a.raters]).toEqual([b.pairableValues, b.units, b.raters]);
        if (b.alpha === null) expect(a.alpha).toBeNull();
        else expect(a.alpha).toBeCloseTo(b.alpha, 10);
        const [x] = alphaIntervals([{ units, counts }], 20_000);
        const [y] = alphaIntervals([expanded], 20_000);
        // The coincidences are summed in another order, so the last bit may differ.
        expect(x!.samples).toBe(y!.samples);
        for (const [p, q] of [[x!.low, y!.low], [x!.high, y!.high]] as const) {
          if (q === null) expect(p).toBeNull();
          else expect(p).toBeCloseTo(q, 9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("give each rater the leniency offset of the scores themselves", () => {
    const scores = [
      { rater: "a", unit: "c1|x", score: 4 },
      { rater: "b", unit: "c1|x", score: 2 },
      { rater: "c", unit: "c1|x", score: 3 },
      { rater: "a", unit: "c1|y", score: 3 },
      { rater: "b", unit: "c1|y", score: 3 },
      { rater: "a", unit: "c2|x", score: 1 },
    ];
    const sums = leniencySums(scores, (unit) => unit.split("|")[1]!);
    // a: (4 − 2.5) + (3 − 3) over two comparisons; the lone c2 rating counts as a unit, not a comparison.
    expect(sums.find((s) => s.rater === "a" && s.competencyId === "x")).toEqual({ rater: "a", competencyId: "x", termSum: 1.5, comparisons: 1, units: 2 });
    expect(offsetsFromSums(sums)).toEqual(leniencyOffsets(scores));
  });
});

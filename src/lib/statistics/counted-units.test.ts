// Calibration keeps its data as counted patterns: alpha, its interval and leniency from those must equal the
// figures from the expanded data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alphaIntervals } from "./alpha-interval";
import { krippendorffAlpha, krippendorffAlphaFromCounts } from "./krippendorff-alpha";
import { leniencyOffsets, leniencySums, offsetsFromSums } from "./leniency";

const unitArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 });

describe("counted units", () => {
  it("give, as level counts, the alpha, n, units and raters of the units written out, for every metric", () => {
    const levels = [1, 2, 3, 4];
    // Level counts in any column order (the calibration rows keep 1..4; a caller may not), up to 6 raters a unit.
    const patternArb = fc.record({ counts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }), units: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(fc.array(patternArb, { minLength: 0, maxLength: 14 }), fc.constantFrom("ordinal", "nominal", "interval") as fc.Arbitrary<"ordinal" | "nominal" | "interval">, fc.boolean(), (patterns, metric, reversed) => {
        const columns = reversed ? [...levels].reverse() : levels;
        const expanded = patterns.flatMap(({ counts, units }) => {
          const unit = counts.flatMap((c, i) => Array<number>(c).fill(columns[i]!));
          return Array.from({ length: units }, () => unit);
        });
        const a = krippendorffAlphaFromCounts(columns, patterns, metric);
        const b = krippendorffAlpha(expanded, metric);
        expect([a.pairableValues, a.units]).toEqual([b.pairableValues, b.units]);
        // krippendorffAlpha's raters is the longest unit it was given; patterns given 0 times are no units there.
        expect(a.raters).toBeGreaterThanOrEqual(b.raters);
        if (b.alpha === null) expect(a.alpha).toBeNull();
        else expect(a.alpha).toBeCloseTo(b.alpha, 10);
      }),
      { numRuns: 500 },
    );
    expect(krippendorffAlphaFromCounts(levels, [{ counts: [2, 1, 0, 1], units: 3 }, { counts: [0, 0, 3, 1], units: 2 }], "ordinal")).toMatchObject({ pairableValues: 20, units: 5, raters: 4 });
    expect(() => krippendorffAlphaFromCounts([1, 1, 2], [], "ordinal")).toThrow(/distinct/);
  });

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

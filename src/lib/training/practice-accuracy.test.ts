import { describe, expect, it } from "vitest";
import { biasDirection, byCompetency, practiceAccuracy, type PracticePair } from "./practice-accuracy";

const p = (competency: string, rating: number, reference: number): PracticePair => ({ competency, rating, reference });

describe("practiceAccuracy", () => {
  it("matches a hand-computed session", () => {
    // rating − reference: 0, −1, 0, +1, 0, 0  →  |d| sums to 2 over 6: MAD 1/3; signed sum 0: bias 0.
    // Pearson: ratings 4 3 2 2 1 3 (mean 2.5), references 4 4 2 1 1 3 (mean 2.5)
    //   deviations r: 1.5 .5 −.5 −.5 −1.5 .5    ref: 1.5 1.5 −.5 −1.5 −1.5 .5
    //   Σ products = 2.25+.75+.25+.75+2.25+.25 = 6.5; Σ r² = 5.5; Σ ref² = 9.5
    //   r = 6.5 / √(5.5 × 9.5) = 6.5 / √52.25 = 0.89923
    const result = practiceAccuracy([
      p("empathy", 4, 4),
      p("ethics", 3, 4),
      p("empathy", 2, 2),
      p("ethics", 2, 1),
      p("crisis-handling", 1, 1),
      p("crisis-handling", 3, 3),
    ]);
    expect(result.n).toBe(6);
    expect(result.meanAbsoluteDifference).toBeCloseTo(1 / 3, 12);
    expect(result.bias).toBe(0);
    expect(result.separation.reason).toBeNull();
    expect(result.separation.correlation).toBeCloseTo(6.5 / Math.sqrt(52.25), 12);
    expect(result.separation.correlation).toBeCloseTo(0.89923, 5);
    // Only ethics was off at all (|−1| and |+1| over 2: MAD 1, bias 0); the others were exact.
    expect(result.furthestOff).toEqual([{ competency: "ethics", n: 2, meanAbsoluteDifference: 1, bias: 0 }]);
  });

  it("reports a rater who rates everything 3: a distance and a lean, but no separation", () => {
    // references 4 3 2 1 4 1; every rating 3 → d = −1 0 +1 +2 −1 +2
    // MAD = 7/6; bias = 3/6 = +0.5 (lenient, because the references average 2.5).
    const result = practiceAccuracy([
      p("empathy", 3, 4),
      p("empathy", 3, 3),
      p("ethics", 3, 2),
      p("ethics", 3, 1),
      p("crisis-handling", 3, 4),
      p("crisis-handling", 3, 1),
    ]);
    expect(result.meanAbsoluteDifference).toBeCloseTo(7 / 6, 12);
    expect(result.bias).toBeCloseTo(0.5, 12);
    expect(biasDirection(result.bias!)).toBe("lenient");
    expect(result.separation).toEqual({
      correlation: null,
      reason: "rater-no-variance",
      text: expect.stringContaining("same rating (3)") as unknown as string,
    });
    // crisis-handling: |−1|,|2| → 1.5 (bias +0.5); ethics: 1,2 → 1.5 (bias +1.5); empathy: 1,0 → 0.5 (bias −0.5).
    // Ties on MAD and n fall back to the competency's name.
    expect(result.furthestOff).toEqual([
      { competency: "crisis-handling", n: 2, meanAbsoluteDifference: 1.5, bias: 0.5 },
      { competency: "ethics", n: 2, meanAbsoluteDifference: 1.5, bias: 1.5 },
      { competency: "empathy", n: 2, meanAbsoluteDifference: 0.5, bias: -0.5 },
    ]);
  });

  it("separates bias from separation: a rater one level generous on everything still ranks answers well", () => {
    // references 1 2 3 4, ratings 2 3 4 4 → d = 1 1 1 0: MAD 0.75, bias +0.75
    // ratings mean 3.25 (dev −1.25 −.25 .75 .75), references mean 2.5 (dev −1.5 −.5 .5 1.5)
    // Σ products = 1.875+.125+.375+1.125 = 3.5; Σ r² = 2.75; Σ ref² = 5 → r = 3.5/√13.75 = 0.94388
    const result = practiceAccuracy([p("ethics", 2, 1), p("ethics", 3, 2), p("ethics", 4, 3), p("ethics", 4, 4)]);
    expect(result.meanAbsoluteDifference).toBe(0.75);
    expect(result.bias).toBe(0.75);
    expect(result.separation.correlation).toBeCloseTo(3.5 / Math.sqrt(13.75), 12);
  });

  it("gives −1 for a rater who reverses the scale, and a severe bias for one who marks down", () => {
    const reversed = practiceAccuracy([1, 2, 3, 4].map((ref) => p("empathy", 5 - ref, ref)));
    expect(reversed.separation.correlation).toBe(-1);
    expect(reversed.bias).toBe(0);
    const severe = practiceAccuracy([p("empathy", 1, 2), p("empathy", 2, 3), p("empathy", 2, 2)]);
    expect(severe.bias).toBeCloseTo(-2 / 3, 12);
    expect(biasDirection(severe.bias!)).toBe("severe");
    expect(biasDirection(0)).toBe("even");
  });

  it("explains why there is no separation when the references do not vary or there are too few ratings", () => {
    const flatReferences = practiceAccuracy([p("ethics", 1, 2), p("ethics", 3, 2), p("ethics", 2, 2)]);
    expect(flatReferences.separation.reason).toBe("reference-no-variance");
    expect(flatReferences.meanAbsoluteDifference).toBeCloseTo(2 / 3, 12);
    // A flat rater on flat references: the session is what cannot show separation, so that is the reason.
    expect(practiceAccuracy([p("ethics", 3, 3), p("ethics", 3, 3), p("ethics", 3, 3)]).separation.reason).toBe(
      "reference-no-variance",
    );
    const two = practiceAccuracy([p("ethics", 1, 1), p("ethics", 4, 4)]);
    expect(two.separation).toMatchObject({ correlation: null, reason: "too-few-pairs" });
    expect(two.meanAbsoluteDifference).toBe(0);
  });

  it("returns empty figures for an empty session", () => {
    expect(practiceAccuracy([])).toEqual({
      n: 0,
      meanAbsoluteDifference: null,
      bias: null,
      separation: expect.objectContaining({ correlation: null, reason: "too-few-pairs" }) as unknown,
      furthestOff: [],
    });
  });

  it("lists only competencies that were off, at most three, most off first and larger n winning a tie", () => {
    const result = practiceAccuracy([
      p("a", 1, 3), // a: 2
      p("b", 1, 2),
      p("b", 1, 2), // b: 1 over 2
      p("c", 2, 1), // c: 1 over 1
      p("d", 4, 4), // d: exact
      p("e", 3, 1),
      p("e", 4, 4), // e: 1 over 2
    ]);
    expect(result.furthestOff.map((c) => [c.competency, c.meanAbsoluteDifference, c.n])).toEqual([
      ["a", 2, 1],
      ["b", 1, 2],
      ["e", 1, 2],
    ]);
    expect(practiceAccuracy([p("a", 1, 3), p("b", 1, 2)], { furthestOffLimit: 1 }).furthestOff).toHaveLength(1);
  });

  it("refuses ratings outside the four levels", () => {
    expect(() => practiceAccuracy([p("ethics", 5, 4)])).toThrow(RangeError);
    expect(() => practiceAccuracy([p("ethics", 2.5, 4)])).toThrow(RangeError);
    expect(() => practiceAccuracy([p("ethics", 3, 0)])).toThrow(RangeError);
    expect(() => practiceAccuracy([p("", 3, 3)])).toThrow(/competency/);
  });

  it("compares a shadow with the panel's mean, which may fall between levels, and still refuses a rating between levels", () => {
    // Panel means 3.5 and 2 against a shadow's 4 and 1: off by 0.5 and 1, leaning −0.25 on average.
    const result = practiceAccuracy([p("empathy", 4, 3.5), p("ethics", 1, 2)], { meanReferences: true });
    expect(result).toMatchObject({ n: 2, meanAbsoluteDifference: 0.75, bias: -0.25 });
    expect(() => practiceAccuracy([p("empathy", 4, 3.5)])).toThrow(RangeError);
    expect(() => practiceAccuracy([p("empathy", 2.5, 3.5)], { meanReferences: true })).toThrow(RangeError);
    expect(() => practiceAccuracy([p("empathy", 2, 4.5)], { meanReferences: true })).toThrow(RangeError);
  });

  it("groups by competency in order of first appearance", () => {
    expect(byCompetency([p("z", 1, 1), p("a", 2, 1), p("z", 3, 1)]).map((c) => c.competency)).toEqual(["z", "a"]);
  });
});

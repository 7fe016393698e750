import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/seeded-random";
import { alphaIntervals, INTERVAL_MIN_SAMPLES, INTERVAL_SAMPLES, readInterval, samplesWithinBudget } from "./alpha-interval";

function panel(units: number, noise: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => {
    const truth = 1 + Math.floor(random() * 4);
    return [0, 1, 2].map(() => (random() < noise ? Math.min(4, Math.max(1, truth + (random() < 0.5 ? -1 : 1))) : truth));
  });
}

describe("alphaIntervals", () => {
  it("gives the same interval on every call, around the alpha", () => {
    const units = panel(40, 0.3, 7);
    const [first] = alphaIntervals([units]);
    const [again] = alphaIntervals([units]);
    expect(again).toEqual(first);
    expect(first!.samples).toBe(INTERVAL_SAMPLES);
    expect(first!.low!).toBeLessThan(first!.high!);
    expect(first!.probabilityBelow).toBeGreaterThanOrEqual(0);
  });

  it("shares the page's budget: many large unit sets get fewer samples each, never under the floor", () => {
    const big = panel(2000, 0.3, 3);
    expect(samplesWithinBudget([big])).toBe(INTERVAL_SAMPLES);
    expect(samplesWithinBudget(Array(12).fill(big))).toBeLessThan(INTERVAL_SAMPLES);
    expect(samplesWithinBudget(Array(500).fill(big))).toBe(INTERVAL_MIN_SAMPLES);
  });

  it("reads the interval in one line", () => {
    expect(readInterval(0.1, 0.4, 1)).toMatch(/even the top of that range is below 0.667/);
    expect(readInterval(0.82, 0.95, 0)).toMatch(/reliable however the sample fell/);
    expect(readInterval(0.5, 0.85, 0.34)).toBe("95% of resamples fall between 0.50 and 0.85, a 34% chance alpha is below 0.667: too few ratings to be sure either way.");
    expect(readInterval(null, null, null)).toMatch(/Too few paired ratings/);
  });
});

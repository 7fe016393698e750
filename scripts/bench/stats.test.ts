import { describe, expect, it } from "vitest";
import { formatTable, percentile, powerLawExponent, ratio, timedInTurn, verdict } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank, whatever the input order", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
  });
  it("is NaN for no values", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("powerLawExponent", () => {
  it("recovers the exponent of an exact power law", () => {
    const points = [1e4, 1e5, 1e6].map((x) => ({ x, y: 3 * x ** 0.4 }));
    expect(powerLawExponent(points)).toBeCloseTo(0.4, 6);
  });
  it("is 0 for flat latency and 1 for linear growth", () => {
    expect(powerLawExponent([{ x: 10, y: 5 }, { x: 1000, y: 5 }])).toBeCloseTo(0, 6);
    expect(powerLawExponent([{ x: 10, y: 1 }, { x: 1000, y: 100 }])).toBeCloseTo(1, 6);
  });
  it("needs two usable points", () => {
    expect(powerLawExponent([{ x: 10, y: 1 }])).toBeNaN();
    expect(powerLawExponent([{ x: 10, y: 1 }, { x: 10, y: 2 }])).toBeNaN();
  });
});

describe("ratio", () => {
  it("divides and rounds to two decimals, or says nothing when it can't", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});

describe("formatTable", () => {
  it("aligns columns, right-aligns numbers and shows missing figures as a dash", () => {
    const table = formatTable(["scenario", "p95 ms"], [["open", 12.5], ["closed", null]]);
    expect(table.split("\n")).toEqual(["scenario  p95 ms", "--------  ------", "open        12.5", "closed         –"]);
  });
  it("marks targets", () => {
    expect([verdict(true), verdict(false), verdict(null)]).toEqual(["pass", "MISS", "n/a"]);
  });
});

describe("timedInTurn", () => {
  it("warms each up, then times them in turn, one request each per round", async () => {
    const calls: string[] = [];
    const [a, b] = await timedInTurn(3, 1, [async () => void calls.push("a"), async () => void calls.push("b")]);
    expect(calls).toEqual(["a", "b", "a", "b", "a", "b", "a", "b"]);
    expect([a.length, b.length]).toEqual([3, 3]);
    expect([...a, ...b].every((ms) => ms >= 0)).toBe(true);
  });
});

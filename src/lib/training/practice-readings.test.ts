import { describe, expect, it } from "vitest";
import { biasReading, distanceReading, furthestOffReading, leanOf, separationReading } from "./practice-readings";

describe("practice readings", () => {
  it("read the lean, the distance and the separation in words", () => {
    expect(leanOf(0.5)).toBe("lenient");
    expect(leanOf(-0.3)).toBe("severe");
    expect(leanOf(0.1)).toBe("even");
    expect(biasReading(0.5)).toMatch(/^Lenient: you rated above the reference by 0\.50/);
    expect(biasReading(-0.75)).toMatch(/^Severe: you rated below the reference by 0\.75/);
    expect(distanceReading(0.2)).toContain("very close");
    expect(distanceReading(1.5)).toContain("a level or more away");
    expect(separationReading(0.9, null)).toContain("tell weak answers from strong ones well");
    expect(separationReading(null, "You gave every answer the same rating (3)")).toBe("You gave every answer the same rating (3)");
    expect(furthestOffReading([{ name: "Empathy", n: 3, meanAbsoluteDifference: 1, bias: 1 }])).toBe(
      "Furthest off: Empathy (1.00 of a level off on average over 3 ratings, rating high).",
    );
  });
});

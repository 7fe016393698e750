import { describe, expect, it } from "vitest";
import { latestOutcomeText } from "./latest-outcome";

describe("latestOutcomeText", () => {
  it("names the outcome and the stage it was decided at", () => {
    expect(latestOutcomeText("APPOINT", "Panel interview")).toBe("Appointed (Panel interview)");
    expect(latestOutcomeText("RESERVE", "Panel interview")).toBe("Reserve list (Panel interview)");
    expect(latestOutcomeText("ADVANCE", "Screening call")).toBe("Advanced (Screening call)");
    expect(latestOutcomeText("REJECT", null)).toBe("Rejected");
  });

  it("says where an undecided candidate waits, and nothing without a stage", () => {
    expect(latestOutcomeText(null, "Screening call")).toBe("Awaiting decision (Screening call)");
    expect(latestOutcomeText(null, null)).toBe("");
  });
});

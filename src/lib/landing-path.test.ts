import { describe, expect, it } from "vitest";
import { landingPath } from "./landing-path";

describe("landing after sign-in", () => {
  it("sends each role to its work, and anyone else to the question banks", () => {
    expect(landingPath("INTERVIEWER")).toBe("/my-interviews");
    expect(landingPath("HR")).toBe("/insights/compare");
    expect(landingPath("HIRING_MANAGER")).toBe("/scripts");
    expect(landingPath("ADMIN")).toBe("/interviews");
    expect(landingPath(null)).toBe("/banks");
    expect(landingPath("SOMETHING_NEW")).toBe("/banks");
  });
});

import { describe, expect, it } from "vitest";
import { citedCompetencies, rationaleMustCite } from "./rationale";

describe("rationale citations", () => {
  const names = ["Empathy", "Ethics", "Crisis handling"];

  it("finds competencies named in any case and spacing", () => {
    expect(citedCompetencies("Strong EMPATHY; crisis-handling was thin.", names)).toEqual(["Empathy", "Crisis handling"]);
  });

  it("finds none in a rationale that names no competency", () => {
    expect(citedCompetencies("Great fit for the team.", names)).toEqual([]);
  });

  it("lists every competency in the message", () => {
    expect(rationaleMustCite(names)).toBe("The rationale must cite at least one competency by name: Empathy, Ethics or Crisis handling.");
  });
});

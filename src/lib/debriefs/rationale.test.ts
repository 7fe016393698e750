import { describe, expect, it } from "vitest";
import { citedCompetencies } from "./rationale";

describe("rationale citations", () => {
  const names = ["Empathy", "Ethics", "Crisis handling"];

  it("finds competencies named in any case and spacing", () => {
    expect(citedCompetencies("Strong EMPATHY; crisis-handling was thin.", names)).toEqual(["Empathy", "Crisis handling"]);
  });

  it("finds none in a rationale that names no competency", () => {
    expect(citedCompetencies("Great fit for the team.", names)).toEqual([]);
  });
});

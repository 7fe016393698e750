import { describe, expect, it } from "vitest";
import { easyReadSteps } from "./easy-read-progress";

describe("easy-read steps", () => {
  it("counts one step per competency of every question", () => {
    expect(easyReadSteps([1, 2, 1], 0, 0)).toEqual({ step: 1, total: 4 });
    expect(easyReadSteps([1, 2, 1], 1, 1)).toEqual({ step: 3, total: 4 });
    expect(easyReadSteps([1, 2, 1], 2, 0)).toEqual({ step: 4, total: 4 });
  });

  it("counts a question rating no competency as one step", () => {
    expect(easyReadSteps([0, 2], 1, 0)).toEqual({ step: 2, total: 3 });
  });
});

import { describe, expect, it } from "vitest";
import { questionIndexFrom } from "./question-in-url";

describe("questionIndexFrom", () => {
  it("reads the question number from the URL, ignoring anything that names no question", () => {
    expect(questionIndexFrom("?q=3", 8)).toBe(2);
    expect(questionIndexFrom(3, 8)).toBe(2);
    for (const search of ["", "?q=0", "?q=9", "?q=2.5", "?q=abc"]) expect(questionIndexFrom(search, 8), search).toBeNull();
    expect(questionIndexFrom(Number.NaN, 8)).toBeNull();
  });
});

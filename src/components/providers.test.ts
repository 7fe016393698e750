import { describe, expect, it } from "vitest";
import { needsQueryProvider } from "./providers";

describe("needsQueryProvider", () => {
  it("leaves the query provider out of the scoring page, My interviews and sign-in only", () => {
    expect(needsQueryProvider("/interviews/abc123/score")).toBe(false);
    expect(needsQueryProvider("/interviews/abc123/score/")).toBe(false);
    expect(needsQueryProvider("/interviews/abc123")).toBe(true);
    expect(needsQueryProvider("/interviews")).toBe(true);
    expect(needsQueryProvider("/my-interviews")).toBe(false);
    expect(needsQueryProvider("/my-interviews/")).toBe(false);
    expect(needsQueryProvider("/my-interviews-archive")).toBe(true);
    expect(needsQueryProvider("/signin")).toBe(false);
    expect(needsQueryProvider("/signup")).toBe(true);
    expect(needsQueryProvider("/interviews/abc/score/extra")).toBe(true);
  });
});

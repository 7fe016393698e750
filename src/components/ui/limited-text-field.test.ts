import { describe, expect, it } from "vitest";
import { cutMessage } from "./limited-text-field";

describe("cutMessage", () => {
  it("says how much of a paste was left out and what the limit is", () => {
    expect(cutMessage(2_000, 10_000, true)).toBe("Pasted text was cut to fit: 2,000 characters were left out (at most 10,000).");
    expect(cutMessage(1, 5_000, false)).toBe("Text was cut to fit: 1 character was left out (at most 5,000).");
  });
});

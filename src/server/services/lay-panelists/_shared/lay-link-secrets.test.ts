import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, hashCode, newCode, placeholderEmail, scoringWindowEnd } from "./lay-link-secrets";
import { isPlaceholderEmail } from "@/lib/lay-placeholder-email";

describe("lay link secrets", () => {
  it("makes codes of unambiguous characters only", () => {
    for (let i = 0; i < 50; i++) {
      const code = newCode();
      expect(code).toHaveLength(CODE_LENGTH);
      for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    }
    for (const lookalike of "0O1IL2Z5S8B") expect(CODE_ALPHABET).not.toContain(lookalike);
  });

  it("accepts a code typed in lower case, with spaces or a dash, and only for its own link", () => {
    expect(hashCode("link-1", "acde 34-67")).toBe(hashCode("link-1", "ACDE3467"));
    expect(hashCode("link-2", "ACDE3467")).not.toBe(hashCode("link-1", "ACDE3467"));
  });

  it("closes the scoring window 7 days after the interview", () => {
    expect(scoringWindowEnd(new Date("2026-12-01T10:00:00Z"))).toEqual(new Date("2026-12-08T10:00:00Z"));
  });

  it("gives account-less panelists a placeholder address on the reserved .invalid domain", () => {
    const email = placeholderEmail();
    expect(email).toMatch(/^lay-[a-z0-9_-]+@panelists\.invalid$/);
    expect(isPlaceholderEmail(email)).toBe(true);
    expect(isPlaceholderEmail("someone@example.org")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "./safe-redirect";

const FALLBACK = "/banks";

describe("safeRedirectPath: only same-origin relative paths survive", () => {
  it.each([
    ["/\\host"],
    ["/%5Chost"],
    ["/%5chost"],
    ["/%09/host"],
    ["/\t/host"],
    ["/%2F/host"],
    ["/%2f%2fhost"],
    ["//host"],
    ["///host"],
    ["https://evil.example"],
    ["HTTPS://evil.example/banks"],
    ["javascript:alert(1)"],
    ["  /banks"],
    ["banks"],
    ["/%0a/host"],
    ["/banks%00"],
    ["/%E0%A4%A"],
    [""],
  ])("rejects %j", (value) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it.each([["/banks"], ["/interviews/abc?tab=panel#top"], ["/invite/tok-123"], ["/candidates?q=o%27brien"], ["/"]])(
    "keeps %j",
    (value) => {
      expect(safeRedirectPath(value, FALLBACK)).toBe(value);
    },
  );

  it("falls back for what is not a string", () => {
    expect(safeRedirectPath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirectPath(["/banks"], FALLBACK)).toBe(FALLBACK);
  });
});

describe("safeRedirectUrl: next-auth's redirect callback", () => {
  const baseUrl = "https://panelkit.example";

  it("keeps a path or an absolute URL of this origin, as an absolute URL of this origin", () => {
    expect(safeRedirectUrl("/banks", baseUrl)).toBe("https://panelkit.example/banks");
    expect(safeRedirectUrl("https://panelkit.example/interviews/1?x=1", baseUrl)).toBe("https://panelkit.example/interviews/1?x=1");
  });

  it("sends anything else to the start page", () => {
    for (const url of ["https://evil.example/banks", "//evil.example", "/\\evil.example", "/%5Cevil.example", "https://panelkit.example.evil.example/", "javascript:alert(1)"]) {
      expect(safeRedirectUrl(url, baseUrl)).toBe("https://panelkit.example/banks");
    }
  });
});

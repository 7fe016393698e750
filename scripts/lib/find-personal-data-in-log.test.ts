import { describe, expect, it } from "vitest";
import { findTerms } from "./find-personal-data-in-log";

describe("findTerms", () => {
  it("finds names and emails in any case, with their line numbers", () => {
    const log = ['{"msg":"request","path":"/api/health"}', '{"msg":"Sent to amara.nwosu@candidate.example"}', '{"who":"TOMÁS RIVERA"}'].join("\n");
    expect(findTerms(log, ["Amara Nwosu", "amara.nwosu@candidate.example", "Tomás Rivera"])).toEqual([
      { term: "amara.nwosu@candidate.example", line: 2 },
      { term: "Tomás Rivera", line: 3 },
    ]);
  });

  it("finds nothing in a clean log, and ignores blank or tiny terms that would match anything", () => {
    expect(findTerms('{"msg":"ok"}\n', ["", " ", "ok"])).toEqual([]);
  });
});

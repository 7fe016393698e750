import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { findUnstorableText, rejectUnstorableText } from "./input-guard";

describe("text Postgres cannot store", () => {
  it("names the field holding a NUL character or a lone surrogate, at any depth", () => {
    expect(findUnstorableText({ name: "Ada\u0000" })?.field).toBe("name");
    expect(findUnstorableText({ sections: [{ items: [{ probes: ["ok", "bad\uD800"] }] }] })?.field).toBe("sections.0.items.0.probes.1");
    expect(findUnstorableText({ questionTexts: { "1\u0000": "x" } })?.field).toBe("questionTexts.1\u0000");
    expect(() => rejectUnstorableText({ notes: "\uDFFF" })).toThrow(AppError);
    expect(() => rejectUnstorableText({ notes: "\uDFFF" })).toThrow(/notes: contains a broken Unicode character/);
  });

  it("lets every well-formed string through: emoji, combining marks, right-to-left text", () => {
    expect(findUnstorableText({ name: "👩🏽‍⚕️ Zoë e\u0301 مرحبا \u202Eabc", when: new Date(), n: 1, list: [null, true] })).toBeNull();
    expect(findUnstorableText("plain")).toBeNull();
  });
});

describe("dates Postgres cannot store", () => {
  it("names a date field outside the years 1 to 9999, and lets the years in between through", () => {
    expect(findUnstorableText({ filters: { from: new Date(-8.64e15) } })).toMatchObject({
      field: "filters.from",
      message: "filters.from: must be a date between the years 1 and 9999",
    });
    expect(findUnstorableText({ at: new Date("0000-12-31T23:59:59.999Z") })?.field).toBe("at");
    expect(findUnstorableText({ at: new Date("+010000-01-01T00:00:00Z") })?.field).toBe("at");
    expect(findUnstorableText({ at: new Date("0001-01-01T00:00:00Z"), to: new Date("9999-12-31T23:59:59.999Z") })).toBeNull();
    expect(findUnstorableText({ at: new Date(Number.NaN) })).toBeNull();
  });
});

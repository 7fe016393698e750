import { describe, expect, it } from "vitest";
import { formatterFor } from "./format";

describe("formatterFor", () => {
  const when = new Date("2026-12-05T14:30:00Z");

  it("writes dates in the reader's language and times in the organisation's zone", () => {
    expect(formatterFor("es", "America/New_York").dateTime(when, "longDate")).toBe("sábado, 5 de diciembre de 2026");
    expect(formatterFor("en", "America/New_York").dateTime(when, "time")).toBe("9:30 AM");
    expect(formatterFor("es", "UTC").dateTime(when, "date")).toBe("5 dic 2026");
  });

  it("formats numbers per language and falls back to English for an unknown one", () => {
    expect(formatterFor("es").number(1234.5, "oneDecimal")).toBe("1234,5");
    expect(formatterFor("xx").number(1234.5, "oneDecimal")).toBe("1,234.5");
  });
});

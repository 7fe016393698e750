import { describe, expect, it } from "vitest";
import { formatterFor } from "@/i18n/format";
import { formatMean, formatSigned, formatWeight } from "./insights-format";

describe("insights numbers in the reader's language", () => {
  const en = formatterFor("en");
  const es = formatterFor("es");

  it("writes English as toFixed did", () => {
    expect(formatMean(2.5833, en, 2)).toBe("2.58");
    expect(formatMean(3, en)).toBe("3.0");
    expect(formatMean(null, en)).toBe("–");
    expect(formatWeight(12.5, en)).toBe("12.5%");
    expect(formatWeight(40, en)).toBe("40%");
    expect([formatSigned(0.421, en), formatSigned(-0.31, en), formatSigned(-0.001, en)]).toEqual(["+0.42", "−0.31", "0.00"]);
  });

  it("writes Spanish with a decimal comma", () => {
    expect(formatMean(2.5833, es, 2)).toBe("2,58");
    expect(formatWeight(12.5, es)).toBe("12,5%");
    expect(formatSigned(-0.31, es)).toBe("−0,31");
  });
});

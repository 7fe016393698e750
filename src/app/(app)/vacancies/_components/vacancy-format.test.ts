// The vacancy pages' dates and counts, worded from the real message files: English as it always read, and
// Spanish with its own plurals and day format.
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { readLocaleMessages } from "@/i18n/load-messages";
import { describeCounts, describeDates } from "./vacancy-format";

function wordsFor(locale: "en" | "es") {
  const t = createTranslator({ locale, messages: readLocaleMessages(locale), namespace: "vacancies" });
  const format = createFormatter({ locale, timeZone: "America/Los_Angeles" });
  return { t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never), format };
}

const counts = { total: 12, ACTIVE: 8, HIRED: 1, RESERVE: 0, REJECTED: 2, WITHDRAWN: 1 };

describe("vacancy counts and dates", () => {
  it("says the counts in English as before, leaving out statuses with none", () => {
    const { t } = wordsFor("en");
    expect(describeCounts(counts, t)).toBe("12 candidates: 8 active, 1 appointed, 2 rejected, 1 withdrawn");
    expect(describeCounts({ total: 1, ACTIVE: 1, HIRED: 0, RESERVE: 0, REJECTED: 0, WITHDRAWN: 0 }, t)).toBe("1 candidate: 1 active");
    expect(describeCounts({ total: 0, ACTIVE: 0, HIRED: 0, RESERVE: 0, REJECTED: 0, WITHDRAWN: 0 }, t)).toBe("No candidates");
  });

  it("says them in Spanish with Spanish plurals", () => {
    const { t } = wordsFor("es");
    expect(describeCounts(counts, t)).toBe("12 candidatos: 8 activos, 1 nombrado, 2 descartados, 1 retirado");
  });

  it("writes a vacancy's days as days, whatever the time zone, in the page's language", () => {
    const en = wordsFor("en");
    const es = wordsFor("es");
    expect(describeDates(null, null, en.t, en.format)).toBeNull();
    expect(describeDates(null, "2026-12-31", en.t, en.format)).toMatch(/^Closes .*31.*2026$/);
    expect(describeDates("2026-12-01", "2026-12-31", es.t, es.format)).toBe("Abre el 1 dic 2026 · cierra el 31 dic 2026");
  });
});

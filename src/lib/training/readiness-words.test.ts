import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/config";
import { formatterFor } from "@/i18n/format";
import { loadMessages } from "@/i18n/load-messages";
import { agoOf, readinessWords } from "./readiness-words";

type Say = (key: string, values?: Record<string, string | number>) => string;
function words(locale: Locale, namespace: "training.readiness" | "interviews.readiness.status") {
  const say = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace }) as unknown as Say;
  const format = formatterFor(locale);
  return (status: Parameters<typeof readinessWords>[0], facts: Parameters<typeof readinessWords>[1]) =>
    readinessWords(status, facts, say, (value) => format.number(value, { maximumFractionDigits: 2 }));
}

const facts = { days: 61, off: 1.1, maxMad: 0.75, months: 12 };

describe("readinessWords", () => {
  it("says what readiness-rules.ts's English text says, on the training and the interview pages alike", () => {
    for (const namespace of ["training.readiness", "interviews.readiness.status"] as const) {
      const say = words("en", namespace);
      expect(say("INACCURATE", facts)).toBe("Practised 2 months ago, off by 1.1 (needs ≤ 0.75)");
      expect(say("INACCURATE", { ...facts, off: null })).toBe("Practised 2 months ago, not yet accurate enough (needs ≤ 0.75)");
      expect(say("STALE", { ...facts, days: 430 })).toBe("Last practised 14 months ago (needs a session within the last 12 months)");
      expect(say("NEVER", { ...facts, days: null })).toBe("Never practised");
      expect(say("READY", facts)).toBe("Ready");
    }
  });

  it("words it in Spanish with a decimal comma", () => {
    const say = words("es", "interviews.readiness.status");
    expect(say("INACCURATE", facts)).toBe("Practicó hace 2 meses, con una desviación de 1,1 (se exige ≤ 0,75)");
    expect(say("STALE", { ...facts, days: 1, months: 1 })).toBe("Practicó por última vez ayer (se exige una sesión en el último mes)");
    expect(say("READY", facts)).toBe("Preparado");
  });

  it("counts days, weeks and months as readiness-rules.ts always did", () => {
    expect([0, 1, 9, 20, 35, 430].map(agoOf)).toEqual([
      { key: "today", n: 0 },
      { key: "yesterday", n: 1 },
      { key: "days", n: 9 },
      { key: "weeks", n: 2 },
      { key: "month", n: 1 },
      { key: "months", n: 14 },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/config";
import { formatterFor } from "@/i18n/format";
import { loadMessages } from "@/i18n/load-messages";
import { driftWords, type DriftFacts } from "./drift-words";

type Say = (key: string, values: Record<string, string | number>) => string;
/** The calibration page's drift lines (calibration.drift.them.*) in `locale`. */
function calibrationLines(locale: Locale, m: DriftFacts) {
  const say = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "calibration" }) as unknown as Say;
  const format = formatterFor(locale);
  return driftWords(m, "them", say, (value) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}

describe("the calibration page's drift lines", () => {
  const drift = { reasons: ["LENIENT", "NARROW_RANGE"] as const, leniencyOffset: 0.614, ratings: 1, levelsUsed: 1 };

  it("say in English what the server's text says about the panelist (drift-rules.ts describeDrift)", () => {
    expect(calibrationLines("en", drift)).toEqual([
      "rates more leniently than colleagues on the same answers (+0.61 on 1 rating)",
      "uses only one level of the scale (1 rating)",
    ]);
  });

  it("say it in Spanish, the offset with a decimal comma and a true minus sign", () => {
    expect(calibrationLines("es", { reasons: ["SEVERE"], leniencyOffset: -1, ratings: 16, levelsUsed: 3 })).toEqual([
      "califica con más severidad que sus colegas en las mismas respuestas (−1,00 en 16 calificaciones)",
    ]);
  });
});

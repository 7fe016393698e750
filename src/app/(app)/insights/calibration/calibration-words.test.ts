import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/config";
import { formatterFor } from "@/i18n/format";
import { loadMessages } from "@/i18n/load-messages";
import { readInterval } from "@/lib/statistics/alpha-interval";
import { intervalText } from "./calibration-words";
import { calibrationFigures } from "./use-calibration-figures";

type Translate = (key: string, values?: Record<string, string | number>) => string;
function reader(locale: Locale) {
  const t = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "calibration" }) as unknown as Translate;
  return { t, figures: calibrationFigures(formatterFor(locale)) };
}

const interval = { low: 0.21, high: 0.45, probabilityBelow: 0.4, minimum: 0.667, samples: 1000, text: "" };

describe("calibration figures and readings", () => {
  it("write figures the reader's way: decimals, signs and percentages", () => {
    const en = reader("en").figures;
    const es = reader("es").figures;
    expect([en.mean(2.583, 2), en.mean(null), en.signed(-0.314), en.signed(0.004), en.percent(0.4)]).toEqual(["2.58", "–", "−0.31", "0.00", "40%"]);
    expect([es.mean(2.583, 2), es.mean(7.25, 1), es.signed(0.42), es.plain(0.667), es.percent(0.4)]).toEqual(["2,58", "7,3", "+0,42", "0,667", "40\u00a0%"]);
  });

  it("read an interval in English as before and in Spanish with decimal commas", () => {
    const en = reader("en");
    for (const [low, high, p] of [[0.21, 0.45, 0.4], [0.1, 0.5, 0.999], [0.85, 0.95, 0], [0.7, 0.9, 0.02], [0.3, 0.6, 0.004]] as const) {
      expect(intervalText(en.t, { ...interval, low, high, probabilityBelow: p }, en.figures)).toBe(readInterval(low, high, p));
    }
    const es = reader("es");
    const spanish = intervalText(es.t, interval, es.figures);
    expect(spanish).toMatch(/0,21 .*0,45.*0,667/);
    expect(spanish).not.toMatch(/\d\.\d/);
  });
});

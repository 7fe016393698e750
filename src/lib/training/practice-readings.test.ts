import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/config";
import { formatterFor } from "@/i18n/format";
import { loadMessages } from "@/i18n/load-messages";
import { furthestReading, leanOf, practiceReadings } from "./practice-readings";

type Say = (key: string, values?: Record<string, string | number>) => string;
/** The readings group of `namespace` in `locale`, and figures to two decimals the locale's way. */
function wording(locale: Locale, namespace: "training.readings" | "interviews.shadow.readings") {
  const say = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace }) as unknown as Say;
  const format = formatterFor(locale);
  return { say, two: (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };
}

const figures = { meanAbsDiff: 0.2, bias: 0.5, separation: 0.9, separationNote: null, separationReason: null, separationValue: null, furthestOff: [] };

describe("practice readings", () => {
  it("read the lean at a quarter of a level either way", () => {
    expect(leanOf(0.5)).toBe("lenient");
    expect(leanOf(-0.3)).toBe("severe");
    expect(leanOf(0.1)).toBe("even");
  });

  it("word a session against the reference in English as before, and in Spanish with a decimal comma", () => {
    const en = wording("en", "training.readings");
    const r = practiceReadings(figures, en.say, en.two);
    expect(r.distance).toBe("Your ratings were very close to the reference. On average each rating was 0.20 of a level from it.");
    expect(r.bias).toMatch(/^Lenient: you rated above the reference by 0\.50 of a level on average\./);
    expect(r.separation).toBe("You tell weak answers from strong ones well: your ratings rise and fall with the reference (correlation 0.90).");
    const furthest = [{ competencyId: "e", name: "Empathy", n: 3, meanAbsoluteDifference: 1, bias: 1 }];
    expect(furthestReading(furthest, en.say, en.two)).toBe("Furthest off: Empathy (1.00 of a level off on average over 3 ratings, rating high).");

    const es = wording("es", "training.readings");
    const spanish = practiceReadings({ ...figures, meanAbsDiff: 1.5, bias: -0.75 }, es.say, es.two);
    expect(spanish.distance).toBe("Sus calificaciones se alejaron por lo general un nivel o más de la referencia. De media, cada calificación estuvo a 1,50 de nivel de ella.");
    expect(spanish.bias).toMatch(/^Severo: calificó por debajo de la referencia en 0,75 de nivel de media\./);
    expect(furthestReading(furthest, es.say, es.two)).toBe("Mayor desviación: Empathy (1,00 de nivel de desviación media en 3 calificaciones, califica alto).");
  });

  it("word a shadow's figures against the panel's mean, a mean level with its decimals", () => {
    const en = wording("en", "interviews.shadow.readings");
    const shadow = { ...figures, meanAbsDiff: 2, bias: -2, separation: null, separationReason: "reference-no-variance" as const, separationValue: 2.5 };
    expect(practiceReadings(shadow, en.say, en.two)).toEqual({
      distance: "Your ratings were usually a level or more away from the panel's mean. On average each rating was 2.00 of a level from it.",
      bias: "Severe: you rated below the panel's mean by 2.00 of a level on average. Check whether the answer already shows what the anchor describes before marking it down.",
      separation: "Every answer in this session has the same reference rating (2.50), so there were no weaker and stronger answers to tell apart.",
    });
    const es = wording("es", "interviews.shadow.readings");
    expect(practiceReadings({ ...figures, bias: 0.1 }, es.say, es.two)).toEqual({
      distance: "Sus calificaciones fueron muy cercanas al promedio del panel. De media, cada calificación estuvo a 0,20 de nivel de él.",
      bias: "Equilibrado: sin una tendencia clara en ningún sentido (+0,10 de media).",
      separation: "Distingue bien las respuestas débiles de las sólidas: sus calificaciones suben y bajan con el promedio del panel (correlación 0,90).",
    });
  });
});

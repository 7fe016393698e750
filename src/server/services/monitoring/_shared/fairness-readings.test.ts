// The fairness report's words from its facts: the English is what the report has always said (the strings below
// are the earlier code's output, word for word), and the Spanish says it with Spanish names and numbers.
import { describe, expect, it } from "vitest";
import { MONITORING_CATEGORIES } from "@/lib/monitoring/categories";
import type { FairnessFlagFacts } from "@/lib/schemas/fairness-report";
import { fairnessWords, fewerThanText, flagReading, NOT_ANSWERED, reportMessageText, stageName, suppressionNoteText } from "./fairness-readings";

const en = fairnessWords("en");
const es = fairnessWords("es");

const fourFifths: FairnessFlagFacts = {
  kind: "four_fifths",
  categoryKey: "uk_sex",
  groupKey: "female",
  stage: { ordinal: 1, names: ["Screening call"], numbered: false },
  rate: 0.375,
  highestGroupKey: "male",
  highestRate: 2 / 3,
  impactRatio: 0.5625,
  fisherP: 0.0922,
};
const scoreGap: FairnessFlagFacts = { kind: "score_gap", categoryKey: "age_band", groupKey: "25_34", what: "competency", label: "Empathy", g: -0.456, ciLow: -0.9, ciHigh: -0.012 };

describe("flagReading", () => {
  it("words a four-fifths flag in English exactly as before, and in Spanish with Spanish names and numbers", () => {
    expect(flagReading(fourFifths, en)).toEqual({
      headline: "Screening call: Female selected at 38%, 0.56 of the highest rate (Male, 67%)",
      means:
        "At \"Screening call\", candidates who answered Female (Sex (UK)) were selected at 0.56 times the rate of the group selected most often, under the four-fifths rule of thumb the US Uniform Guidelines use to call for a closer look. Fisher's exact test gives p = 0.092: with these numbers a gap this size could easily arise by chance.",
      doesNotProve:
        "It does not prove the stage is unfair to this group: the groups may have differed in experience or qualifications before they applied, small numbers swing widely, and candidates who did not answer are left out of the groups. Nor does a missing flag prove the stage is fair.",
      lookAt:
        "Look at the competencies and questions of \"Screening call\" below for a difference in ratings, and at who sat on its panels and how its debriefs reached their decisions (overrides of the mechanical order especially).",
    });
    const spanish = flagReading({ ...fourFifths, stage: { ordinal: 2, names: ["Interview", "Panel"], numbered: true }, fisherP: 0.012 }, es);
    expect(spanish.headline).toBe("Fase 2 (Interview / Panel): grupo «Mujer» seleccionado al 38\u00a0%, 0,56 de la tasa más alta («Hombre», 67\u00a0%)");
    expect(spanish.means).toContain("(Sexo (Reino Unido))");
    expect(spanish.means).toContain("a 0,56 veces la tasa");
    expect(spanish.means).toContain("p = 0,012: una diferencia de este tamaño rara vez");
    expect(spanish.lookAt).toContain("«Fase 2 (Interview / Panel)»");
  });

  it("words a score gap in English exactly as before, and in Spanish with decimal commas", () => {
    expect(flagReading(scoreGap, en)).toMatchObject({
      headline: "Competency \"Empathy\": 25 to 34 rated lower, g = -0.46 (95% CI -0.90 to -0.01)",
      means:
        "Panels rated candidates who answered 25 to 34 (Age band) lower than everyone else on the competency \"Empathy\": the standardised difference (Hedges' g) is -0.46, and its 95% confidence interval leaves out zero. A g of 0.2 is a small difference, 0.5 medium, 0.8 large.",
    });
    expect(flagReading({ ...scoreGap, what: "question", g: 0.5, ciLow: 0.1, ciHigh: 0.9 }, en).lookAt).toBe(
      "Look at the question's wording and its good-answer guide for knowledge or experience the role does not need, and at the panels who asked it: calibration shows each panelist's leniency.",
    );
    const spanish = flagReading(scoreGap, es);
    expect(spanish.headline).toBe("Competencia «Empathy»: grupo «De 25 a 34» valorado más bajo, g = -0,46 (IC del 95 %: de -0,90 a -0,01)");
    expect(spanish.means).toContain("Una g de 0,2 es una diferencia pequeña");
  });
});

describe("the report's other words", () => {
  it("words the small-numbers note, the hidden cell and why nothing is shown in both languages", () => {
    expect(suppressionNoteText(5, en)).toBe(
      "Small numbers are hidden: any figure resting on fewer than 5 people reads \"fewer than 5\", and so does one more group where otherwise a hidden figure could be worked out by subtracting the others from a total (secondary suppression). A group's selection figures need at least 5 people selected and 5 not selected.",
    );
    expect(suppressionNoteText(3, es)).toContain("menos de 5 personas se muestra como «menos de 5»");
    expect(fewerThanText(10, es)).toBe("menos de 10");
    const tooFew = { status: "too_few", minCell: 5, scope: { vacancyId: "v1", vacancyTitle: null, from: null, to: null } } as const;
    expect(reportMessageText(tooFew, en)).toBe(
      "Too few candidates for a fairness report: it needs at least 10 candidates in the vacancy (and period), so that no figure rests on fewer than 5 people. Choose a longer period or all vacancies.",
    );
    expect(reportMessageText({ ...tooFew, minCell: 600, scope: { ...tooFew.scope, vacancyId: null } }, es)).toContain("al menos 1200 en la selección");
    expect(reportMessageText({ ...tooFew, status: "no_categories" }, es)).toMatch(/^Su organización todavía no hace/);
    expect(reportMessageText({ ...tooFew, status: "ok" }, en)).toBeNull();
    expect(stageName({ ordinal: 3, names: ["A", "B", "C", "D"], numbered: true }, es)).toBe("Fase 3");
  });

  it("names every category and answer in English as the form's own list does, and in Spanish otherwise", () => {
    for (const category of MONITORING_CATEGORIES) {
      expect(en.category(category.key)).toBe(category.label);
      for (const option of category.options) expect(en.group(category.key, option.key)).toBe(option.label);
      expect(es.group(category.key, "prefer_not_to_say")).not.toBe("Prefer not to say");
    }
    expect(en.group("uk_sex", NOT_ANSWERED)).toBe("Not answered");
    expect(es.group("uk_sex", NOT_ANSWERED)).toBe("Sin respuesta");
    expect(es.category("uk_sex")).toBe("Sexo (Reino Unido)");
  });
});

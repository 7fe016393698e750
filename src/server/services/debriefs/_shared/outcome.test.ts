// The debrief's refusals worded in the reader's language: the English as it always was, and real Spanish.
import { describe, expect, it } from "vitest";
import { overrideCase, overrideReason, type DecidedCandidate } from "@/lib/debriefs/override";
import { errorTranslator } from "@/server/api/localize-error";
import { AppError, englishErrors, renderError } from "@/server/errors";
import { overrideText, rationaleMustCite } from "./outcome";

const spanish = errorTranslator("es");
const dana = (rank: number) => ({ name: "Dana Reed", rank, rankedOf: 4 });

describe("the rationale's citation refusal", () => {
  it("names the competencies with 'or' in English and 'o' (or 'u') in Spanish", () => {
    const refusal = new AppError("BAD_REQUEST", rationaleMustCite(["Empathy", "Ethics", "Crisis handling"]));
    expect(refusal.message).toBe("The rationale must cite at least one competency by name: Empathy, Ethics or Crisis handling.");
    expect(refusal.localized(spanish)).toBe("La justificación debe citar al menos una competencia por su nombre: Empathy, Ethics o Crisis handling.");
    expect(renderError(rationaleMustCite(["Empatía", "Orientación"]), spanish)).toMatch(/Empatía u Orientación\.$/);
    expect(renderError(rationaleMustCite([]), spanish)).toMatch(/^Esta fase no tiene competencias que citar/);
  });
});

describe("the override refusal", () => {
  const cases: Array<[number, "ADVANCE" | "APPOINT" | "RESERVE" | "REJECT", DecidedCandidate[]]> = [
    [1, "REJECT", []],
    [3, "APPOINT", [{ name: "Ben Ng", rank: 2, outcome: "REJECT" }]],
    [2, "REJECT", [{ name: "Ann Lee", rank: 3, outcome: "ADVANCE" }]],
    [4, "RESERVE", [{ name: "Ann Lee", rank: 1, outcome: "REJECT" }]],
  ];

  it("says in English exactly what the English reason always said", () => {
    for (const [rank, outcome, decided] of cases) {
      const found = overrideCase(dana(rank), outcome, decided)!;
      expect(renderError(overrideText(found), englishErrors)).toBe(overrideReason(dana(rank), outcome, decided));
    }
  });

  it("says it in Spanish", () => {
    const [, outcome, decided] = cases[1]!;
    expect(renderError(overrideText(overrideCase(dana(3), outcome, decided)!), spanish)).toBe(
      "Ben Ng (posición 2) fue descartado: nombrar a Dana Reed (posición 3 de 4) coloca a un candidato peor clasificado por encima de uno mejor clasificado, lo que es una excepción; explique por qué.",
    );
    expect(renderError(overrideText(overrideCase(dana(1), "REJECT", [])!), spanish)).toBe(
      "Dana Reed ocupa la posición 1 de 4: descartar a quien tiene la mejor puntuación es una excepción; explique por qué.",
    );
  });
});

describe("a decision already recorded, and the panel's mean", () => {
  it("words the outcome and the figure in the reader's language", () => {
    const text = { key: "debrief.alreadyDecidedBy", values: { name: "Dana Reed", stage: "Interview", by: "Ann Chair", outcome: { key: "debrief.summary.advanceTo", values: { stage: "Task" } } } } as const;
    expect(renderError(text, englishErrors)).toBe(
      "A decision on Dana Reed at “Interview” was already recorded by Ann Chair: Advance to Task. Reload to see it; a change now needs a correction.",
    );
    expect(renderError(text, spanish)).toBe(
      "Ann Chair ya registró una decisión sobre Dana Reed en «Interview»: Pasa a Task. Vuelva a cargar para verla; un cambio ahora requiere una corrección.",
    );
    const mean = { key: "debrief.consensusNeedsReason", values: { after: "3", mean: { key: "debrief.twoDecimals", values: { value: 2.5 } } } } as const;
    expect(renderError(mean, englishErrors)).toBe("A consensus of 3 changes the figure from the panel's mean of 2.50: give the reason.");
    expect(renderError(mean, spanish)).toBe("Un consenso de 3 cambia la cifra respecto a la media del tribunal, 2,50: indique el motivo.");
  });
});

import { describe, expect, it } from "vitest";
import { localizeItems } from "./localize-items";
import type { Item } from "./scoring-screen";

const item = {
  itemId: "i1",
  number: 1,
  sectionTitle: "Engagement",
  text: "What do you do first?",
  minutes: 5,
  goodAnswer: "",
  probes: [],
  required: true,
  translations: { es: { text: "¿Qué hace primero?" }, fr: { text: "Que faites-vous d'abord ?" } },
  competencies: [
    {
      id: "c1",
      name: "Crisis handling",
      translations: { es: { name: "Gestión de crisis", definition: "Reconoce pronto un riesgo creciente." } },
      anchors: [
        { level: 1, description: "No plan.", easyRead: "They have no plan.", translations: { es: { description: "Sin plan.", easyRead: "No tiene plan." } } },
        { level: 2, description: "A vague plan.", easyRead: "", translations: { es: { description: "Un plan vago." } } },
        { level: 3, description: "A clear plan.", easyRead: "", translations: {} },
      ],
    },
  ],
} as unknown as Item;

describe("localizeItems", () => {
  it("gives an English reader the English texts and none of the other languages'", () => {
    const [en] = localizeItems([item], "en");
    expect(en!.text).toBe("What do you do first?");
    expect(en!.competencies[0]!.name).toBe("Crisis handling");
    expect(en!.competencies[0]!.anchors.map((a) => a.easyRead)).toEqual(["They have no plan.", "A vague plan.", "A clear plan."]);
    const sent = JSON.stringify(en);
    for (const foreign of ["¿Qué hace", "Gestión", "Reconoce", "Sin plan", "No tiene", "Un plan vago", "Que faites"]) expect(sent).not.toContain(foreign);
  });

  it("gives a Spanish reader the Spanish texts, English where a text has no translation, and no other language", () => {
    const [es] = localizeItems([item], "es");
    expect(es!.text).toBe("¿Qué hace primero?");
    expect(es!.competencies[0]!.name).toBe("Gestión de crisis");
    expect(es!.competencies[0]!.anchors.map((a) => [a.description, a.easyRead])).toEqual([
      ["Sin plan.", "No tiene plan."],
      ["Un plan vago.", "Un plan vago."],
      ["A clear plan.", "A clear plan."],
    ]);
    const sent = JSON.stringify(es);
    expect(sent).not.toContain("Que faites");
    // The English texts that have a translation are not sent either.
    for (const english of ["What do you do first", "Crisis handling", "No plan.", "They have no plan", "A vague plan"]) expect(sent).not.toContain(english);
  });
});

describe("localizeItems on several questions", () => {
  it("makes a competency rated by two questions one object, so the page's payload carries its anchors once", () => {
    const second = { ...item, itemId: "i2", number: 2, competencies: item.competencies.map((c) => ({ ...c, anchors: c.anchors.map((a) => ({ ...a })) })) };
    const [a, b] = localizeItems([item, second as Item], "en");
    expect(b!.competencies[0]).toBe(a!.competencies[0]);
    expect(b!.competencies[0]!.anchors[0]!.description).toBe("No plan.");
  });
});

import { describe, expect, it } from "vitest";
import { itemTranslationsFromQuestion } from "./item-translations";

const question = {
  text: "How do you prioritize?",
  howToAnswer: "Share an example.",
  exampleAnswer: "I focus on urgency.",
  translations: { es: { text: "¿Cómo prioriza?", howToAnswer: "Comparta un ejemplo.", exampleAnswer: "Me centro en la urgencia.", assesses: "x" } },
};

describe("itemTranslationsFromQuestion", () => {
  it("gives an item added unchanged from a bank question the question's translations, guidance under goodAnswer", () => {
    expect(itemTranslationsFromQuestion({ text: question.text, goodAnswer: question.howToAnswer, exampleAnswer: question.exampleAnswer }, question)).toEqual({
      es: { text: "¿Cómo prioriza?", goodAnswer: "Comparta un ejemplo.", exampleAnswer: "Me centro en la urgencia." },
    });
  });

  it("drops the translation of each text the script's author rewrote or cleared, and gives a free-written item none", () => {
    expect(itemTranslationsFromQuestion({ text: "How do you triage?", goodAnswer: question.howToAnswer, exampleAnswer: "" }, question)).toEqual({
      es: { goodAnswer: "Comparta un ejemplo." },
    });
    expect(itemTranslationsFromQuestion({ text: "Own", goodAnswer: "", exampleAnswer: "" }, question)).toEqual({});
    expect(itemTranslationsFromQuestion({ text: "Own", goodAnswer: "", exampleAnswer: "" }, null)).toEqual({});
  });
});

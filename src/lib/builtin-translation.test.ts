import { describe, expect, it } from "vitest";
import { shownText } from "./builtin-translation";

const question = { text: "How do you prioritize?", translations: { es: { text: "¿Cómo prioriza?", assesses: " " } }, assesses: "Judgement" };

describe("shownText", () => {
  it("shows the Spanish text as a translation in Spanish, the English one in English", () => {
    expect(shownText(question, "text", "es")).toEqual({ text: "¿Cómo prioriza?", translated: true, lang: undefined });
    expect(shownText(question, "text", "en")).toEqual({ text: "How do you prioritize?", translated: false, lang: undefined });
  });

  it("falls back to English, tagged as English, when the translation is missing or blank", () => {
    expect(shownText(question, "assesses", "es")).toEqual({ text: "Judgement", translated: false, lang: "en" });
  });

  it("leaves an organisation's own text (no translations) untagged: it is in whatever language it was written", () => {
    expect(shownText({ name: "Banco propio", translations: {} }, "name", "es")).toEqual({ text: "Banco propio", translated: false, lang: undefined });
  });
});

import { describe, expect, it } from "vitest";
import { localizedText, translationsFrom } from "./localized-text";

describe("localizedText", () => {
  const question = { text: "Tell us about a time you helped.", translations: { es: { text: "Cuéntenos una vez que ayudó." } } };

  it("shows the locale's translation when there is one", () => {
    expect(localizedText(question, "text", "es")).toBe("Cuéntenos una vez que ayudó.");
  });

  it("falls back to English for a locale or field without a translation, or an empty one", () => {
    expect(localizedText(question, "text", "en")).toBe("Tell us about a time you helped.");
    expect(localizedText(question, "text", "fr")).toBe("Tell us about a time you helped.");
    expect(localizedText({ text: "Hi", translations: { es: { text: " " } } }, "text", "es")).toBe("Hi");
    expect(localizedText({ text: "Hi" }, "text", "es")).toBe("Hi");
  });

  it("keeps only string texts from a translations column", () => {
    expect(translationsFrom({ es: { text: "Hola", n: 3 }, de: "nope", fr: null })).toEqual({ es: { text: "Hola" } });
    expect(translationsFrom(null)).toEqual({});
    expect(translationsFrom([1])).toEqual({});
  });
});

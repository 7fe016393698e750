import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { compileMessages, loadMessages } from "@/i18n/load-messages";
import type { Locale } from "@/i18n/config";
import { validationKeyOf, wordValidation, type TranslateValidation, type ValidationGroup } from "./word-validation";

const english = loadMessages("en").validation as ValidationGroup;
const translator = (locale: Locale) =>
  createTranslator({ locale, messages: loadMessages(locale), namespace: "validation" }) as unknown as TranslateValidation;

describe("validationKeyOf", () => {
  it("finds an exact message's key, and a pattern's key with its values", () => {
    expect(validationKeyOf("Enter the candidate's name", english)).toEqual({ key: "messages.enterTheCandidateSName", values: {}, labels: {} });
    expect(validationKeyOf("Notes must be at most 2000 characters", english)).toEqual({
      key: "messages.notesMustBeAtMostNCharacters",
      values: { max: "2000" },
      labels: {},
    });
  });

  it("prefers a message of its own over a pattern that would also match it", () => {
    expect(validationKeyOf("Name must be at most 120 characters", english)?.key).toBe("messages.nameMustBeAtMost120Characters");
  });

  it("names a field label by its key, lower-cased where the English had it so", () => {
    expect(validationKeyOf("Department must be at most 80 characters", english)).toEqual({
      key: "messages.labelMustBeAtMostNCharacters",
      values: { max: "80" },
      labels: { label: { key: "fieldLabels.department", lowerCase: false } },
    });
    expect(validationKeyOf("Enter the rationale", english)?.labels).toEqual({ label: { key: "fieldLabels.theRationale", lowerCase: true } });
  });

  it("finds nothing for words of no key, or a label it does not know", () => {
    expect(validationKeyOf("Too small: expected string to have >=1 characters", english)).toBeNull();
    expect(validationKeyOf("Enter the moon", english)).toBeNull();
  });

  it("reads the compiled messages of the Next.js build as it reads the files", () => {
    const compiled = compileMessages(english as Record<string, unknown>) as ValidationGroup;
    expect(validationKeyOf("Notes must be at most 2000 characters", compiled)).toEqual(validationKeyOf("Notes must be at most 2000 characters", english));
    expect(validationKeyOf("Phone may hold digits, spaces and + ( ) - . only", compiled)?.key).toBe("messages.phoneMayHoldDigitsSpacesAndOnly");
  });
});

describe("wordValidation", () => {
  it("gives the English back unchanged in English", () => {
    const t = translator("en");
    for (const message of ["Enter the candidate's name", "Notes must be at most 2000 characters", "Enter the rationale", "Department must be at most 80 characters"]) {
      expect(wordValidation(message, english, t)).toBe(message);
    }
  });

  it("words the same messages in Spanish, labels included", () => {
    const t = translator("es");
    expect(wordValidation("Enter the candidate's name", english, t)).toBe("Introduzca el nombre de la persona candidata");
    expect(wordValidation("Notes must be at most 2000 characters", english, t)).toBe("Las notas deben tener como máximo 2000 caracteres");
    expect(wordValidation("Enter the rationale", english, t)).toBe("Indique la justificación");
    expect(wordValidation("Department must be at most 80 characters", english, t)).toBe("El departamento: como máximo 80 caracteres");
    expect(wordValidation("Something no key has", english, t)).toBeNull();
  });
});

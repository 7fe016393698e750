import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { cutMessage } from "./limited-text-field";

// The messages are loaded untyped (as the app loads them), so the translator is given cutMessage's own type.
const translator = (locale: "en" | "es") =>
  createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "common.ui" }) as unknown as Parameters<typeof cutMessage>[0];

describe("cutMessage", () => {
  it("says how much of a paste was left out and what the limit is", () => {
    const t = translator("en");
    expect(cutMessage(t, 2_000, 10_000, true)).toBe("Pasted text was cut to fit: 2,000 characters were left out (at most 10,000).");
    expect(cutMessage(t, 1, 5_000, false)).toBe("Text was cut to fit: 1 character was left out (at most 5,000).");
  });

  it("says it in Spanish, with Spanish number grouping", () => {
    expect(cutMessage(translator("es"), 1, 5_000, true)).toBe("El texto pegado se recortó para que cupiera: se omitió 1 carácter (como máximo 5000).");
  });
});

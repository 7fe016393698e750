import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadMessages } from "@/i18n/load-messages";
import type { TranslateValidation } from "@/lib/i18n-validation/word-validation";
import { wordProblem } from "./use-validate-form";
import { validateForm } from "./validate-form";

describe("wordProblem", () => {
  const schema = z.object({ name: z.string().trim().min(1, "Enter the candidate's name"), email: z.email("Enter a valid email address"), x: z.string().min(3, "No key says this") });
  const checked = validateForm(schema, { name: " ", email: "nope", x: "" });
  const problem = checked.ok ? null : checked.problem;

  it("words a browser check's messages in Spanish, leaving English where no key matches", () => {
    const t = createTranslator({ locale: "es", messages: loadMessages("es"), namespace: "validation" }) as unknown as TranslateValidation;
    expect(wordProblem(problem!, t)).toEqual({
      message: "Introduzca el nombre de la persona candidata",
      field: "name",
      fields: { name: "Introduzca el nombre de la persona candidata", email: "Introduzca una dirección de correo electrónico válida", x: "No key says this" },
    });
  });

  it("gives the same English back in English", () => {
    const t = createTranslator({ locale: "en", messages: loadMessages("en"), namespace: "validation" }) as unknown as TranslateValidation;
    expect(wordProblem(problem!, t)).toEqual(problem);
  });
});

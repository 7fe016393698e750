// validateForm in the reader's language (issue 23): the schema's English messages are worded again through the
// `validation` namespace, as the server words the same schema's refusals (src/lib/i18n-validation), so a
// Spanish reader sees the same Spanish beside a field before sending as after. The page passes "validation"
// through ClientMessages; without it (or in English) the schema's own words show, never words made from a key.
import { useCallback } from "react";
import { useLocale, useMessages, useTranslations } from "next-intl";
import type { z } from "zod";
import type { FieldProblem } from "@/components/field-error";
import { DEFAULT_LOCALE } from "@/i18n/config";
// The English is what the schemas say, so it is how a message is recognised in any language (the namespace
// the page sends holds the reader's language only).
import english from "@/i18n/messages/en/validation.json";
import { wordValidation, type TranslateValidation } from "@/lib/i18n-validation/word-validation";
import { validateForm, type Checked } from "./validate-form";

/** A problem's messages in `t`'s language, each left in English where no key matches it. */
export function wordProblem(problem: FieldProblem, t: TranslateValidation): FieldProblem {
  const word = (message: string) => wordValidation(message, english, t) ?? message;
  const fields = problem.fields ? Object.fromEntries(Object.entries(problem.fields).map(([field, message]) => [field, word(message)])) : problem.fields;
  return { ...problem, message: word(problem.message), fields };
}

export function useValidateForm() {
  const locale = useLocale();
  const sent = "validation" in useMessages();
  const t = useTranslations("validation") as unknown as TranslateValidation;
  return useCallback(
    <S extends z.ZodType>(schema: S, values: unknown): Checked<z.output<S>> => {
      const checked = validateForm(schema, values);
      if (checked.ok || locale === DEFAULT_LOCALE || !sent) return checked;
      return { ok: false, problem: wordProblem(checked.problem, t) };
    },
    [locale, sent, t],
  );
}

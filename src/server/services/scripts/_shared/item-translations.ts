// A script item's texts in other languages, from the bank question it was added from (issue 23). Each text
// keeps the question's translation only while the item still has the bank's English wording: a question,
// guidance or example answer the script's author rewrote has no translation of its own.
import { translationsFrom, type Translations } from "@/lib/localized-text";

type Item = { text: string; goodAnswer: string; exampleAnswer: string };
type Question = { text: string; howToAnswer: string; exampleAnswer: string; translations: unknown };

/** The item's field, the question's field it was copied from. */
const COPIED_FROM = [
  ["text", "text"],
  ["goodAnswer", "howToAnswer"],
  ["exampleAnswer", "exampleAnswer"],
] as const;

export function itemTranslationsFromQuestion(item: Item, question: Question | null): Translations {
  if (!question) return {};
  const result: Translations = {};
  for (const [locale, fields] of Object.entries(translationsFrom(question.translations))) {
    const texts: Record<string, string> = {};
    for (const [itemField, questionField] of COPIED_FROM) {
      const translated = fields[questionField];
      if (translated && item[itemField] !== "" && item[itemField] === question[questionField]) texts[itemField] = translated;
    }
    if (Object.keys(texts).length > 0) result[locale] = texts;
  }
  return result;
}

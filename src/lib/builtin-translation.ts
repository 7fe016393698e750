// Built-in texts (the banks' questions, seeded in English with their translations beside them, issue 23):
// which text a page shows in a language, whether it is a translation (the page then marks it "translated
// from English"), and the language to tag an English fallback with, so a screen reader reads it as English.
// Only a record that carries translations is a built-in English text; an organisation's own text (no
// translations) is in whatever language it was written and gets no language tag.
import { localizedText, type Translations } from "./localized-text";

export type ShownText = { text: string; translated: boolean; lang: string | undefined };

export function shownText<F extends string>(
  record: { [K in F]: string } & { translations?: Translations },
  field: F,
  locale: string,
): ShownText {
  const text = localizedText(record, field, locale);
  const translated = text !== record[field];
  const builtIn = Object.keys(record.translations ?? {}).length > 0;
  return { text, translated, lang: !translated && builtIn && locale !== "en" ? "en" : undefined };
}

// Texts kept in the database in English with their translations beside them, in a `translations` JSON
// column shaped { "<locale>": { "<field>": "text" } } (competencies, anchors, banks, questions). A missing
// or empty translation shows the English text, never a key.

export type Translations = Record<string, Record<string, string>>;

/** The string fields of a `translations` column by locale; anything else in the JSON is left out. */
export function translationsFrom(json: unknown): Translations {
  const result: Translations = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return result;
  for (const [locale, fields] of Object.entries(json as Record<string, unknown>)) {
    if (!fields || typeof fields !== "object" || Array.isArray(fields)) continue;
    const texts: Record<string, string> = {};
    for (const [field, text] of Object.entries(fields as Record<string, unknown>)) if (typeof text === "string") texts[field] = text;
    result[locale] = texts;
  }
  return result;
}

/** The record's `field` in `locale` when translated, else its own (English) text. */
export function localizedText<F extends string>(record: { [K in F]: string } & { translations?: Translations }, field: F, locale: string): string {
  const translated = record.translations?.[locale]?.[field];
  return translated && translated.trim() !== "" ? translated : record[field];
}

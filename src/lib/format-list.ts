// Lists of names worded for a language: "Empathy, Ethics and Crisis handling", "Empatía, Ética y Manejo de
// crisis" (Intl.ListFormat, which also knows Spanish's "e" before "I…" and "u" before "o…"). English is written
// without the serial comma, as Panelkit always has: Intl's plain "en" adds one ("A, B, and C"), "en-GB" does not.

/** "unit" lists figures: "A 2.50, B 3" in English (no "and"), "A 2,50 y B 3" in Spanish (clearer beside decimal commas). */
export type ListType = "conjunction" | "disjunction" | "unit";

/** "A, B and C" (conjunction) or "A, B or C" (disjunction) in `locale`'s words. */
export function formatList(items: readonly string[], locale: string, type: ListType = "conjunction"): string {
  return new Intl.ListFormat(locale === "en" || locale.startsWith("en-") ? "en-GB" : locale, { type }).format(items);
}

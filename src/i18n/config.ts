// The languages Panelkit speaks and how a request's language is negotiated. Framework-free, so pages, the
// tRPC server, emails and scripts share one list. Adding a language: add it here and add its message files
// (src/i18n/messages/<locale>/*.json); `scripts/check-i18n.ts` then reports every key it still lacks.
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The cookie a visitor's choice is kept in (the sign-in page's picker; the signed-in picker sets it too). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Each language's name in itself, as a picker lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8"): by quality, then
 * order; a regional tag matches its language. Null when none is supported.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** The language to use: the user's saved choice, then the cookie, then the browser's, then English. */
export function resolveLocale(choices: { userLocale?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(choices.userLocale)) return choices.userLocale;
  if (isLocale(choices.cookie)) return choices.cookie;
  return localeFromAcceptLanguage(choices.acceptLanguage) ?? DEFAULT_LOCALE;
}

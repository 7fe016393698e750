// Refusals in the caller's language (issue 23). Services throw AppErrors with a key of errors.json and zod
// schemas keep their English words (the browser's forms check with the same schemas); here, on the error
// path only, the caller's language is found (saved choice, NEXT_LOCALE cookie, Accept-Language: as pages do)
// and the message is worded in it. Successful requests never reach this file, so they read nothing more.
import { createTranslator } from "next-intl";
import { z, type ZodError } from "zod";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";
import { wordValidation, type TranslateValidation, type ValidationGroup } from "@/lib/i18n-validation/word-validation";
import { inLocale, type Translate } from "@/server/errors";
import { getUserLocale } from "@/server/services/users/get-user-locale";
import type { Db } from "@/server/db";

/** What a request tells about its language: the context carries the raw hints, read from its headers. */
export type LocaleHints = { db?: Db; userId?: string | null; localeCookie?: string | null; acceptLanguage?: string | null };

/** The caller's language: a signed-in user's saved choice (one read, on the error path), else the headers. */
export async function callerLocale(hints: LocaleHints): Promise<Locale> {
  const userLocale = hints.db && hints.userId ? await getUserLocale(hints.db, hints.userId).catch(() => null) : null;
  return headerLocale({ ...hints, userLocale });
}

/** The language from the request's headers alone (no database read): for errors raised before a procedure runs. */
export function headerLocale(hints: LocaleHints & { userLocale?: string | null }): Locale {
  return resolveLocale({ userLocale: hints.userLocale, cookie: hints.localeCookie, acceptLanguage: hints.acceptLanguage });
}

/** The errors namespace in `locale`, lists of names included. */
export function errorTranslator(locale: Locale): Translate {
  return inLocale(createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" }) as unknown as Translate, locale);
}

/**
 * One schema message in `locale`, or null when it is none of the `validation` namespace's messages: matched to
 * its key by its English (src/lib/i18n-validation, shared with the browser's check of the same forms).
 */
export function localizeSchemaMessage(message: string, locale: Locale): string | null {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "validation" }) as unknown as TranslateValidation;
  return wordValidation(message, loadMessages(DEFAULT_LOCALE).validation as ValidationGroup, t);
}

const ZOD_LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = { en: z.locales.en, es: z.locales.es };

/** Zod's own words (no message of ours) in `locale`: recognised by being exactly zod's English for the issue. */
function zodDefault(issue: z.core.$ZodIssue, locale: Locale): string | null {
  const word = (l: Locale) => {
    const result = ZOD_LOCALES[l]().localeError(issue as never);
    return typeof result === "string" ? result : (result?.message ?? null);
  };
  return word("en") === issue.message ? word(locale) : null;
}

/**
 * Rewords the issues of a refused input in `locale`, in place: the error is this request's own, and a copy
 * would not pass tRPC's check that a cause is an Error (zod's class is built without Error's constructor).
 */
// `_t` (the errors translator) is no longer needed: schema messages are worded by the validation namespace.
export function localizeZodError(error: ZodError, locale: Locale, _t: Translate): ZodError {
  if (locale === DEFAULT_LOCALE) return error;
  for (const issue of error.issues) {
    (issue as { message: string }).message = localizeSchemaMessage(issue.message, locale) ?? zodDefault(issue, locale) ?? issue.message;
  }
  return error;
}

// Refusals in the caller's language (issue 23). Services throw AppErrors with a key of errors.json and zod
// schemas keep their English words (the browser's forms check with the same schemas); here, on the error
// path only, the caller's language is found (saved choice, NEXT_LOCALE cookie, Accept-Language: as pages do)
// and the message is worded in it. Successful requests never reach this file, so they read nothing more.
import { createTranslator } from "next-intl";
import { z, type ZodError } from "zod";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/i18n/config";
import { loadMessages, type Messages } from "@/i18n/load-messages";
import type { Translate } from "@/server/errors";
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

export function errorTranslator(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" }) as unknown as Translate;
}

type Template = { key: string; pattern: RegExp; names: string[] };
const NUMBER_NAMES = new Set(["max", "min", "count", "size"]);

/**
 * The schemas' English messages as patterns ("{label} must be at most {max} characters"), exact ones first,
 * then the longest: a message is matched to the key whose English it is. A `label` must be a known field label.
 */
function templates(messages: Messages): Template[] {
  const validation = ((messages.errors as Messages | undefined)?.validation ?? {}) as Record<string, string>;
  return Object.entries(validation)
    .map(([key, text]) => {
      const names: string[] = [];
      const source = text
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/''/g, "'").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(name);
          return NUMBER_NAMES.has(name) ? String.raw`(\d[\d,.]*)` : "(.+?)";
        })
        .join("");
      return { key, pattern: new RegExp(`^${source}$`), names };
    })
    .sort((a, b) => a.names.length - b.names.length || b.pattern.source.length - a.pattern.source.length);
}

let englishTemplates: Template[] | null = null;

/** One schema message in `t`'s language, or null when it is none of errors.json's validation messages. */
export function localizeSchemaMessage(message: string, t: Translate): string | null {
  englishTemplates ??= templates(loadMessages(DEFAULT_LOCALE));
  const labels = (((loadMessages(DEFAULT_LOCALE).errors as Messages).fieldLabels ?? {}) as Record<string, string>);
  for (const template of englishTemplates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const values: Record<string, string> = {};
    let known = true;
    template.names.forEach((name, i) => {
      const value = match[i + 1] ?? "";
      if (name !== "label") return void (values[name] = value);
      const labelKey = Object.keys(labels).find((k) => labels[k] === value || labels[k]!.toLowerCase() === value);
      if (!labelKey) return void (known = false);
      const label = t(`fieldLabels.${labelKey}` as never);
      values[name] = labels[labelKey] === value ? label : label.toLowerCase();
    });
    if (known) return t(`validation.${template.key}` as never, values);
  }
  return null;
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
export function localizeZodError(error: ZodError, locale: Locale, t: Translate): ZodError {
  if (locale === DEFAULT_LOCALE) return error;
  for (const issue of error.issues) {
    (issue as { message: string }).message = localizeSchemaMessage(issue.message, t) ?? zodDefault(issue, locale) ?? issue.message;
  }
  return error;
}

// The words of an email in its recipient's language (User.locale; English when unknown), from the "emails"
// message namespace, and its dates written for that language in the organisation's time zone.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";

export type EmailText = { locale: Locale; t: (key: string, values?: Record<string, string | number | Date>) => string };

export function emailText(locale: string | null | undefined): EmailText {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const translate = createTranslator({ locale: chosen, messages: loadMessages(chosen) as AbstractIntlMessages, namespace: "emails" });
  return { locale: chosen, t: (key, values) => (translate as unknown as (k: string, v?: Record<string, string | number | Date>) => string)(key, values) };
}

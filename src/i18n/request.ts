// next-intl's configuration for each server render (src/app pages, layouts and their server components).
// No language in the URL: the language is the signed-in user's saved choice, then the NEXT_LOCALE cookie
// (the sign-in page's picker), then the browser's Accept-Language, then English. Times are shown in the
// organisation's time zone.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { createRequestContext } from "@/server/api/context";
import { getLanguagePreferences } from "@/server/services/users/get-language-preferences";
import { LOCALE_COOKIE, resolveLocale } from "./config";
import { FORMATS } from "./formats";
import { loadMessages } from "./load-messages";
import { messageFallback, onIntlError } from "./message-fallback";

export default getRequestConfig(async () => {
  const [cookieStore, headerList, context] = await Promise.all([cookies(), headers(), createRequestContext()]);
  const preferences = context.userId
    ? await getLanguagePreferences(context.db, context.userId, context.preferredOrgId)
    : { locale: null, timeZone: "UTC" };
  const locale = resolveLocale({
    userLocale: preferences.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    timeZone: preferences.timeZone,
    messages: loadMessages(locale),
    formats: FORMATS,
    onError: onIntlError,
    getMessageFallback: messageFallback,
  };
});

// Gives client components below it the messages of the named namespaces (plus the shared ones), in the
// active language only: a page wraps its interactive parts in <ClientMessages namespaces={["myInterviews"]}>
// rather than sending every namespace to the browser. Server components need none of this: they call
// getTranslations() directly.
import type { ReactNode } from "react";
import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { pickNamespaces } from "./load-messages";
import { IntlClientProvider } from "./intl-client-provider";

/** Namespaces every page's client components may use (the shell, the language picker, shared widgets). */
export const SHARED_CLIENT_NAMESPACES = ["common"] as const;

export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: ReactNode }) {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  const picked = pickNamespaces(messages, [...SHARED_CLIENT_NAMESPACES, ...namespaces]) as AbstractIntlMessages;
  return (
    <IntlClientProvider locale={locale} timeZone={timeZone} messages={picked}>
      {children}
    </IntlClientProvider>
  );
}

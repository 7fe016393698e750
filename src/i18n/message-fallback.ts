// What a message that can't be shown becomes. Messages missing in a language already fall back to English
// (load-messages.ts lays English beneath), so this is the last resort: a key missing everywhere, or a client
// component whose namespace its provider was not given. The reader sees words made from the key's last part
// ("signIn" → "Sign in"), never "common.signIn"; scripts/check-i18n.ts fails the build on such a key.
import { IntlErrorCode, type IntlError } from "next-intl";

export function messageFallback({ key }: { namespace?: string; key: string; error: IntlError }): string {
  const last = key.split(".").pop() ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Missing messages are reported in development (the check catches them before a release); others always. */
export function onIntlError(error: IntlError): void {
  if (error.code === IntlErrorCode.MISSING_MESSAGE && process.env.NODE_ENV === "production") return;
  console.error(error.message);
}

"use client";
// The language picker: in the app's header for a signed-in user (saved to their account, so emails follow
// it too) and on the sign-in page (a cookie only). The cookie is set either way, so the pages of this
// browser switch at once and errors from the API server come in the same language.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale, type Locale } from "@/i18n/config";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function LanguagePicker({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  async function choose(locale: Locale) {
    setFailed(false);
    try {
      if (signedIn) {
        const { loadTRPCClient } = await import("@/trpc/load-client");
        await (await loadTRPCClient()).users.setLocale.mutate({ locale });
      }
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
      startTransition(() => router.refresh());
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-700">
        {t("language")}
      </label>
      <select
        id={id}
        data-testid="language-picker"
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2"
        value={current}
        disabled={pending}
        onChange={(event) => {
          if (isLocale(event.target.value)) void choose(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {/* No standing live region here: the header is on every page, and an empty status there would be one
          more "status" beside each page's own. A failure is an alert inserted when it happens; success needs
          no announcement, as the page itself changes language. */}
      {failed ? (
        <span role="alert" className="text-red-700">
          {t("languageFailed")}
        </span>
      ) : pending ? (
        <span className="sr-only">{t("languageSaving")}</span>
      ) : null}
    </div>
  );
}

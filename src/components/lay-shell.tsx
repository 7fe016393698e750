import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "./language-picker";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type LaySession = { name: string; orgName: string; interviewId: string | null };

/**
 * The app shell of a panelist without an account (signed in through their scoring link): their interview's
 * scoring screen, their language and signing out; nothing of the organisation (src/server/access/lay-scope.ts
 * refuses the rest anyway).
 */
export async function LayShell({ session, children }: { session: LaySession; children: ReactNode }) {
  const t = await getTranslations("layPanelist.shell");
  const links = session.interviewId ? [{ href: `/interviews/${session.interviewId}/score`, label: t("yourInterview") }] : [];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <p className="text-lg font-bold text-brand-800">Panelkit</p>
          <nav aria-label={t("nav")} className="order-last basis-full lg:order-none lg:basis-auto lg:flex-1">
            <NavLinks links={links} />
          </nav>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-3 text-sm">
            <div className="text-right leading-tight" data-testid="whoami">
              <p className="font-semibold">{session.name}</p>
              <p className="text-slate-600">
                {session.orgName} · {t("panelist")}
              </p>
            </div>
            <LanguagePicker signedIn />
            <SignOutButton label={t("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {session.interviewId ? children : <p>{t("noInterview")}</p>}
      </main>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { sessionUserId } from "@/server/api/context";
import { serverApi } from "@/trpc/server";
import { LanguagePicker } from "@/components/language-picker";
import { ClientMessages } from "@/i18n/client-messages";
import { DemoAccountsTable } from "./demo-accounts-table";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}
export const dynamic = "force-dynamic";

/** next-auth's error codes in the callback URL that have their own message (auth.signIn.errors). */
const KNOWN_ERRORS = new Set(["OidcEmail", "OAuthSignin", "OAuthCallback", "SessionRequired"]);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Only same-origin paths (an open redirect after sign-in would help phishing); "/" sends each role to its own start page.
  const callbackUrl = safeRedirectPath(params.callbackUrl, "/");
  if (await sessionUserId()) redirect(callbackUrl);
  const api = await serverApi();
  const [options, demo, t] = await Promise.all([api.auth.signInOptions(), api.auth.demoAccounts(), getTranslations("auth.signIn")]);
  const initialError = params.error ? t(`errors.${KNOWN_ERRORS.has(params.error) ? params.error : "other"}`) : null;

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-5xl flex-col gap-8 px-4 py-10 md:flex-row md:items-start">
      <section className="w-full md:max-w-md" aria-labelledby="signin-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
          <LanguagePicker signedIn={false} />
        </div>
        <h1 id="signin-heading" className="mt-1 text-3xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("tagline")}</p>
        <ClientMessages namespaces={["auth"]}>
          <SignInForm callbackUrl={callbackUrl} oidc={options.oidc} publicSignUp={options.publicSignUp} initialError={initialError} />
        </ClientMessages>
      </section>
      {demo && (
        <section className="card w-full md:max-w-md" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold">{t("demo.title")}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {t.rich("demo.password", {
              password: demo.password,
              code: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code>,
            })}
          </p>
          <div className="mt-3">
            <DemoAccountsTable accounts={demo.accounts} />
          </div>
        </section>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { sessionUserId } from "@/server/api/context";
import { serverApi } from "@/trpc/server";
import { LanguagePicker } from "@/components/language-picker";
import { DemoAccountsTable } from "./demo-accounts-table";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERROR_MESSAGES: Record<string, string> = {
  OidcEmail: "Your identity provider did not share a verified email address.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on did not complete. Try again or use your password.",
  SessionRequired: "Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Only same-origin paths (an open redirect after sign-in would help phishing); "/" sends each role to its own start page.
  const callbackUrl = safeRedirectPath(params.callbackUrl, "/");
  if (await sessionUserId()) redirect(callbackUrl);
  const api = await serverApi();
  const [options, demo] = await Promise.all([api.auth.signInOptions(), api.auth.demoAccounts()]);
  const initialError = params.error ? (ERROR_MESSAGES[params.error] ?? "Sign-in failed. Try again.") : null;

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-5xl flex-col gap-8 px-4 py-10 md:flex-row md:items-start">
      <section className="w-full md:max-w-md" aria-labelledby="signin-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
          <LanguagePicker signedIn={false} />
        </div>
        <h1 id="signin-heading" className="mt-1 text-3xl font-semibold">Sign in</h1>
        <p className="mt-2 text-slate-700">Structured, fair interview panels for health and social services.</p>
        <SignInForm callbackUrl={callbackUrl} oidc={options.oidc} publicSignUp={options.publicSignUp} initialError={initialError} />
      </section>
      {demo && (
        <section className="card w-full md:max-w-md" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold">Demo accounts</h2>
          <p className="mt-1 text-sm text-slate-700">
            Every demo account uses the password <code className="rounded bg-slate-100 px-1 font-mono">{demo.password}</code>.
          </p>
          <div className="mt-3">
            <DemoAccountsTable accounts={demo.accounts} />
          </div>
        </section>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { publicSignUpOpen } from "@/server/services/orgs/_shared/public-sign-up";
import { Alert } from "@/components/ui/alert";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}
// PUBLIC_SIGNUP is read when the page is served, not when it is built.
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  const open = publicSignUpOpen();
  const t = await getTranslations("auth.signUp");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      <h1 className="mt-1 text-3xl font-semibold">{t("title")}</h1>
      {open ? (
        <>
          <p className="mt-2 text-slate-700">{t("intro")}</p>
          <ClientMessages namespaces={["auth", "validation"]}>
            <SignUpForm />
          </ClientMessages>
        </>
      ) : (
        <>
          <Alert tone="info" className="mt-4">{t("invitedOnly")}</Alert>
          <p className="mt-4 text-sm text-slate-700">
            {t("haveAccount")} <Link href="/signin" className="font-semibold text-brand-700 underline">{t("signIn")}</Link>
          </p>
        </>
      )}
    </main>
  );
}

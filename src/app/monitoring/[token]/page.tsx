import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { LanguagePicker } from "@/components/language-picker";
import { ClientMessages } from "@/i18n/client-messages";
import { serverApi } from "@/trpc/server";
import { MonitoringForm } from "./monitoring-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("monitoringForm"))("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

/**
 * The candidate has no account: the token in the link is the credential. Nothing about them is shown. The
 * language is the browser's (Accept-Language) or the one chosen with the picker here (a cookie).
 */
export default async function MonitoringPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const [form, t] = await Promise.all([
    api.monitoring.form({ token }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { status: "unknown" as const, orgName: null, categories: [] };
      throw error;
    }),
    getTranslations("monitoringForm"),
  ]);

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
        <LanguagePicker signedIn={false} />
      </div>
      <h1 className="mt-1 text-3xl font-semibold">{t("title")}</h1>
      {form.status !== "valid" ? (
        <Alert tone={form.status === "used" ? "success" : "error"} className="mt-4">
          {t(`refusals.${form.status}`)}
        </Alert>
      ) : form.categories.length === 0 ? (
        <Alert tone="info" className="mt-4">{t("noLongerAsks", { org: form.orgName ?? t("organisationFallback") })}</Alert>
      ) : (
        <ClientMessages namespaces={["monitoringForm"]}>
          <MonitoringForm token={token} orgName={form.orgName ?? t("organisationFallback")} categories={form.categories} />
        </ClientMessages>
      )}
    </main>
  );
}

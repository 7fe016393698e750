import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { ResultsView } from "./results-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("results.title") };
}

export default async function PracticeResultsPage() {
  const [{ allowed }, t] = await Promise.all([pageAccess("training:manage"), getTranslations("training")]);
  if (!allowed) {
    return <NotForYourRole title={t("results.title")}>{t("results.notForRole")}</NotForYourRole>;
  }
  return (
    <>
      <PageHeader title={t("results.title")} description={t("results.description")} />
      <Suspense fallback={<p className="mt-6">{t("results.loading")}</p>}>
        <ClientMessages namespaces={["training"]}>
          <ResultsView />
        </ClientMessages>
      </Suspense>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { pageAccess } from "@/trpc/server";
import { CompareView } from "./compare-view";
import { ClientMessages } from "@/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insights.compare");
  return { title: t("title") };
}

export default async function ComparePage() {
  const { allowed } = await pageAccess("insights:read");
  // Candidates' results are for roles with insights; to anyone else the page does not exist.
  if (!allowed) notFound();
  const t = await getTranslations("insights.compare");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-700 print:hidden">{t("intro")}</p>
      <p className="mt-1 print:hidden">
        <Link href="/insights/compare/organisation" className="text-brand-700 underline">
          {t("organisationLink")}
        </Link>
      </p>
      <Suspense fallback={<p className="mt-6">{t("loading")}</p>}>
        <ClientMessages namespaces={["strands", "insights"]}>
          <CompareView />
        </ClientMessages>
      </Suspense>
    </>
  );
}

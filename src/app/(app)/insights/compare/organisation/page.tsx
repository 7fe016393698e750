import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { OrgCompareView } from "./org-compare-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compareOrg");
  return { title: t("metaTitle") };
}

// The whole organisation's comparison, a page of 100 at a time (issue 18): sorted, filtered and paged on the
// server, so it opens as fast at 40,000 candidates as at 40.
export default async function OrgComparePage() {
  const { allowed } = await pageAccess("insights:read");
  if (!allowed) notFound();
  const t = await getTranslations("compareOrg");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-700">{t("intro")}</p>
      <p className="mt-1">
        <Link href="/insights/compare" className="underline" prefetch={false}>
          {t("byVacancy")}
        </Link>
      </p>
      <ClientMessages namespaces={["compareOrg"]}>
        <Suspense fallback={<p className="mt-6">{t("loading")}</p>}>
          <OrgCompareView />
        </Suspense>
      </ClientMessages>
    </>
  );
}

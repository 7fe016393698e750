import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { CandidateList } from "./candidate-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("candidates"))("title") };
}

export default async function CandidatesPage() {
  const [{ allowed, can }, t] = await Promise.all([pageAccess("candidates:read"), getTranslations("candidates")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can("candidates:write") && (
            <Link href="/candidates/import" className="btn-secondary">
              {t("importLink")}
            </Link>
          )
        }
      />
      <Suspense fallback={<p className="mt-6">{t("loading")}</p>}>
        <ClientMessages namespaces={["candidates", "validation"]}>
          <CandidateList canCreate={can("candidates:write")} showContact={can("candidates:contact")} />
        </ClientMessages>
      </Suspense>
    </>
  );
}

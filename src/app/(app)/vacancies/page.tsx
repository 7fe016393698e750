import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { VacancyList } from "./vacancy-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vacancies"))("title") };
}

export default async function VacanciesPage() {
  const [access, t] = await Promise.all([pageAccess("candidates:read"), getTranslations("vacancies")]);
  const { allowed, can, viewer } = access;
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense fallback={<p className="mt-6">{t("loading")}</p>}>
        <ClientMessages namespaces={["vacancies", "validation"]}>
          <VacancyList canCreate={can("vacancies:write")} viewerRole={viewer.organization?.role ?? null} viewerId={viewer.user.id} />
        </ClientMessages>
      </Suspense>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { PlanEditor } from "./plan-editor";
import { StageStrandsSection } from "./stage-strands-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vacancies.plan"))("metaTitle") };
}

export default async function VacancyPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ api, allowed }, t] = await Promise.all([pageAccess("candidates:read"), getTranslations("vacancies.plan")]);
  if (!allowed) {
    return <NotForYourRole title={t("metaTitle")}>{t("notForRole")}</NotForYourRole>;
  }
  const plan = await api.vacancies.plan({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <p className="text-sm">
        <Link href={`/vacancies/${plan.vacancyId}`} className="text-brand-700 underline">
          {t("back", { title: plan.title })}
        </Link>
      </p>
      <PageHeader
        className="mt-2"
        title={t("title", { title: plan.title })}
        description={t("description")}
      />
      <ClientMessages namespaces={["vacancies", "validation"]}>
        <PlanEditor key={plan.updatedAt.toISOString()} plan={plan} />
      </ClientMessages>
      <StageStrandsSection key={`strands-${plan.updatedAt.toISOString()}`} stages={plan.stages} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { NotForYourRole } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { describeCounts, describeDates } from "../_components/vacancy-format";
import { PipelineBoard } from "./pipeline-board";
import { VacancySettings } from "./vacancy-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vacancies.page"))("metaTitle") };
}

export default async function VacancyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ api, allowed }, t, format] = await Promise.all([pageAccess("candidates:read"), getTranslations("vacancies"), getFormatter()]);
  if (!allowed) {
    return <NotForYourRole title={t("page.metaTitle")}>{t("notForRole")}</NotForYourRole>;
  }
  const vacancy = await api.vacancies.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const where = [vacancy.department, vacancy.location].filter(Boolean).join(" · ");
  const dates = describeDates(vacancy.opensOn, vacancy.closesOn, t, format);
  return (
    <>
      <p className="text-sm">
        <Link href="/vacancies" className="text-brand-700 underline">{t("page.allVacancies")}</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{vacancy.title}</h1>
        <span className="chip">{t(`status.${vacancy.status}`)}</span>
      </div>
      <p className="mt-1 text-slate-700">
        {[where, t("posts", { count: vacancy.posts }), dates].filter(Boolean).join(" · ")}
      </p>
      <p className="mt-1 text-slate-700">
        {vacancy.managers.length ? t("managedBy", { names: vacancy.managers.map((m) => m.name).join(", ") }) : t("managedByNoOne")} ·{" "}
        {describeCounts(vacancy.counts, t)}
      </p>

      <section aria-labelledby="plan-heading" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plan-heading" className="text-lg font-semibold">{t("page.plan")}</h2>
          <Link href={`/vacancies/${vacancy.id}/plan`} className="btn-secondary">
            {vacancy.canEdit ? (vacancy.stages.length ? t("page.editPlan") : t("page.addStages")) : t("page.viewPlan")}
          </Link>
        </div>
        {vacancy.stages.length ? (
          <ol className="mt-2 flex flex-wrap gap-2" aria-label={t("page.stagesLabel")}>
            {vacancy.stages.map((s, i) => (
              <li key={s.id} className="chip">
                {i + 1}. {s.name}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-slate-700">{t("page.noStages")}</p>
        )}
      </section>

      <section aria-labelledby="pipeline-heading" className="mt-6">
        <h2 id="pipeline-heading" className="text-lg font-semibold">{t("page.pipeline")}</h2>
        <ClientMessages namespaces={["vacancies"]}>
          <PipelineBoard vacancyId={vacancy.id} />
        </ClientMessages>
      </section>

      {vacancy.canEdit && (
        <ClientMessages namespaces={["vacancies", "validation"]}>
          <VacancySettings key={vacancy.id} vacancy={vacancy} managerOptions={vacancy.managerOptions} />
        </ClientMessages>
      )}
    </>
  );
}

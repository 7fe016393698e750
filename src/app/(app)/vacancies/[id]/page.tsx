import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { NotForYourRole } from "@/components/ui/page-header";
import { VACANCY_STATUS_LABELS } from "@/lib/schemas/vacancies";
import { pageAccess } from "@/trpc/server";
import { describeCounts, describeDates } from "../_components/vacancy-format";
import { PipelineBoard } from "./pipeline-board";
import { VacancySettings } from "./vacancy-settings";

export const metadata: Metadata = { title: "Vacancy" };

export default async function VacancyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api, allowed } = await pageAccess("candidates:read");
  if (!allowed) {
    return <NotForYourRole title="Vacancy">Your role does not include vacancies and their candidates. Your interviews are under My interviews.</NotForYourRole>;
  }
  const vacancy = await api.vacancies.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const where = [vacancy.department, vacancy.location].filter(Boolean).join(" · ");
  const dates = describeDates(vacancy.opensOn, vacancy.closesOn);
  return (
    <>
      <p className="text-sm">
        <Link href="/vacancies" className="text-brand-700 underline">All vacancies</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{vacancy.title}</h1>
        <span className="chip">{VACANCY_STATUS_LABELS[vacancy.status]}</span>
      </div>
      <p className="mt-1 text-slate-700">
        {[where, `${vacancy.posts} post${vacancy.posts === 1 ? "" : "s"}`, dates].filter(Boolean).join(" · ")}
      </p>
      <p className="mt-1 text-slate-700">
        Managed by {vacancy.managers.length ? vacancy.managers.map((m) => m.name).join(", ") : "no one yet"} · {describeCounts(vacancy.counts)}
      </p>

      <section aria-labelledby="plan-heading" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plan-heading" className="text-lg font-semibold">Interview plan</h2>
          <Link href={`/vacancies/${vacancy.id}/plan`} className="btn-secondary">
            {vacancy.canEdit ? (vacancy.stages.length ? "Edit the plan" : "Add stages") : "View the plan"}
          </Link>
        </div>
        {vacancy.stages.length ? (
          <ol className="mt-2 flex flex-wrap gap-2" aria-label="Stages in order">
            {vacancy.stages.map((s, i) => (
              <li key={s.id} className="chip">
                {i + 1}. {s.name}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-slate-700">No stages yet: candidates wait until the plan has a first stage.</p>
        )}
      </section>

      <section aria-labelledby="pipeline-heading" className="mt-6">
        <h2 id="pipeline-heading" className="text-lg font-semibold">Pipeline</h2>
        <PipelineBoard vacancyId={vacancy.id} />
      </section>

      {vacancy.canEdit && (
        <VacancySettings
          key={vacancy.updatedAt.toISOString()}
          vacancy={vacancy}
          managerOptions={vacancy.managerOptions}
        />
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { CandidateDebriefs } from "../../debriefs/_components/candidate-debriefs";
import { When } from "../../interviews/_components/when";
import { ApplyToVacancy } from "./apply-to-vacancy";
import { CandidateEditor } from "./candidate-editor";
import { PrivacyActions } from "./privacy-actions";
import { MonitoringLink } from "./monitoring-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("candidates.page"))("metaTitle") };
}

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const [candidate, viewer] = await Promise.all([
    api.candidates.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) notFound();
      throw error;
    }),
    api.org.viewer(),
  ]);
  const [t, ct, it] = await Promise.all([getTranslations("candidates.page"), getTranslations("candidates"), getTranslations("interviews")]);
  const { interviews, canEdit, otherCandidacies, ...details } = candidate;
  const role = viewer.organization?.role;
  const handlesPrivacy = role ? roleHas(role, "candidates:privacy") : false;
  return (
    <>
      <p className="text-sm">
        <Link href="/candidates" className="text-brand-700 underline">{t("allCandidates")}</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{candidate.name}</h1>
        <span className="chip">{ct(`status.${candidate.status}`)}</span>
        {candidate.anonymizedAt && <span className="chip">{t("erased")}</span>}
      </div>
      <p className="mt-1 text-slate-700">
        <Link href={`/vacancies/${candidate.vacancy.id}`} className="font-semibold text-brand-700 underline">
          {candidate.vacancy.title}
        </Link>
        {" · "}
        {candidate.stage ? t("stage", { stage: candidate.stage.name }) : t("noStage")}
        {candidate.decidedAt ? (
          <>
            {" · "}
            {t("decided")} <When date={candidate.decidedAt} dateOnly />
          </>
        ) : null}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="candidate-interviews-heading">
          <h2 id="candidate-interviews-heading" className="text-lg font-semibold">{t("interviews")}</h2>
          {interviews.length === 0 ? (
            <p className="mt-2 text-slate-700">
              {t.rich("noInterviews", {
                link: (chunks) => (
                  <Link href="/interviews" className="font-semibold text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <ul className="mt-3 space-y-3" aria-label={t("interviewsLabel")}>
              {interviews.map((i) => (
                <li key={i.id} className="card flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <Link href={`/interviews/${i.id}`} className="font-semibold underline-offset-2 hover:underline">
                      <When date={i.scheduledAt} />
                    </Link>
                    <p className="mt-1 text-sm text-slate-700">
                      {i.stageName ? `${i.stageName} · ` : ""}
                      {t("interviewDetail", { script: i.scriptTitle, version: i.scriptVersion, panel: i.panelCount })}
                    </p>
                  </div>
                  <span className="chip">{it(`status.${i.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ClientMessages namespaces={["candidates", "validation"]}>
        <div className="space-y-6">
          {otherCandidacies.length > 0 && (
            <section aria-labelledby="other-candidacies-heading" className="card h-fit">
              <h2 id="other-candidacies-heading" className="text-lg font-semibold">{t("otherApplications")}</h2>
              <ul className="mt-2 space-y-2" aria-label={t("otherApplicationsLabel")}>
                {otherCandidacies.map((c) => (
                  <li key={c.id}>
                    <Link href={`/candidates/${c.id}`} className="font-semibold text-brand-700 underline">
                      {c.vacancyTitle}
                    </Link>
                    <span className="text-sm text-slate-700">
                      {c.stageName ? ` · ${c.stageName}` : ""} · {ct(`status.${c.status}`)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CandidateEditor
            key={candidate.id}
            candidate={details}
            canEdit={canEdit}
            otherCandidacyCount={otherCandidacies.length}
          />
          {canEdit && (
            <ApplyToVacancy candidateId={candidate.id} appliedTo={[candidate.vacancy.id, ...otherCandidacies.map((c) => c.vacancyId)]} />
          )}
          {role && roleHas(role, "candidates:contact") && !candidate.anonymizedAt && <MonitoringLink candidateId={candidate.id} />}
          {handlesPrivacy && (
            <PrivacyActions
              candidateId={candidate.id}
              candidateName={candidate.name}
              anonymizedAt={candidate.anonymizedAt}
              confirmsSubjectAccess={role ? roleHas(role, "org:settings") : false}
            />
          )}
        </div>
        </ClientMessages>
      </div>
      <CandidateDebriefs candidateId={candidate.id} />
    </>
  );
}

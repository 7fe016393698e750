import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { InterviewScorecards } from "@/components/interview-scorecards";
import { PanelProgress } from "@/components/panel-progress";
import { ContactDetails } from "@/components/ui/contact-details";
import { PageHeader } from "@/components/ui/page-header";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../_components/when";
import { AddToCalendarLink } from "../_components/add-to-calendar-link";
import { InterviewSettings } from "./interview-settings";
import { PanelManager } from "./panel-manager";
import { LayPanelistManager } from "./lay-panelist-manager";
import { ShadowComparison } from "./shadow-comparison";
import { PanelStrandsSection } from "./panel-strands-section";
import { ClientMessages } from "@/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("interviews.page"))("metaTitle") };
}

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const [interview, viewer] = await Promise.all([
    api.interviews.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
      throw error;
    }),
    api.org.viewer().catch(async (error: unknown) => {
      // A panelist without an account has their scoring screen only (src/server/access/lay-scope.ts).
      if (error instanceof TRPCError && error.code === "FORBIDDEN" && (await api.layPanelists.session())) redirect(`/interviews/${id}/score`);
      throw error;
    }),
  ]);
  const [t, it] = await Promise.all([getTranslations("interviews.page"), getTranslations("interviews")]);
  const readsCandidates = viewer.organization ? roleHas(viewer.organization.role, "candidates:read") : false;
  const { candidate, script } = interview;

  return (
    <>
      <p className="text-sm text-slate-700">
        <Link href={readsCandidates ? "/interviews" : "/my-interviews"} className="text-brand-700 underline">
          {readsCandidates ? t("allInterviews") : t("myInterviews")}
        </Link>
      </p>
      <PageHeader
        className="mt-2"
        title={t("title", { candidate: candidate.name })}
        description={
          <>
            <When date={interview.scheduledAt} />
            {interview.location ? ` · ${interview.location}` : ""} · <span className="chip">{it(`status.${interview.status}`)}</span>
          </>
        }
        actions={
          (interview.isPanelist || interview.canManage) &&
          interview.status !== "CANCELLED" && (
            <>
              <AddToCalendarLink interviewId={interview.id} />
              {interview.isPanelist && (
                <Link href={`/interviews/${interview.id}/score`} className="btn-primary">
                  {t("score")}
                </Link>
              )}
            </>
          )
        }
      />

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="candidate-heading" className="card">
          <h2 id="candidate-heading" className="text-lg font-semibold">{t("candidate")}</h2>
          <p className="mt-2">
            {readsCandidates ? (
              <Link href={`/candidates/${candidate.id}`} className="font-semibold underline">
                {candidate.name}
              </Link>
            ) : (
              <span className="font-semibold">{candidate.name}</span>
            )}
          </p>
          <p className="text-sm text-slate-700">
            {t("vacancy")}{" "}
            {readsCandidates ? (
              <Link href={`/vacancies/${candidate.vacancyId}`} className="underline">
                {candidate.vacancyTitle}
              </Link>
            ) : (
              candidate.vacancyTitle
            )}
            {interview.stage ? t("stage", { stage: interview.stage.name }) : ""}
          </p>
          {interview.debrief && (
            <p className="mt-2 text-sm">
              <Link href={`/debriefs/${interview.debrief.id}`} className="font-semibold underline">
                {t("debrief")}
              </Link>{" "}
              <span className="chip">{interview.debrief.status === "OPEN" ? t("debriefOpen") : t("debriefDecided")}</span>
            </p>
          )}
          {/* Contact details reach only the roles that may contact the candidate (the server sends null otherwise). */}
          {(candidate.email || candidate.phone) && <ContactDetails email={candidate.email} phone={candidate.phone} className="mt-2" />}
        </section>
        <section aria-labelledby="script-heading" className="card">
          <h2 id="script-heading" className="text-lg font-semibold">{t("script")}</h2>
          <p className="mt-2 font-semibold">{script.title}</p>
          <p className="text-sm text-slate-700">
            {t("version", { version: script.version, minutes: script.plannedMinutes })}
          </p>
          <Link href={`/scripts/${script.id}/print?version=${script.versionId}`} className="btn-secondary mt-3">
            {t("printGuide")}
          </Link>
        </section>
      </div>

      <section aria-labelledby="panel-heading" className="card mt-4">
        <h2 id="panel-heading" className="text-lg font-semibold">{t("panel")}</h2>
        {interview.canManage ? (
          <>
            {/* The panel manager shows the readiness notes (interviews namespace). */}
            <ClientMessages namespaces={["interviews"]}>
              <PanelManager interviewId={interview.id} panel={interview.panel} invitations={interview.invitations} />
            </ClientMessages>
            <ClientMessages namespaces={["layPanelist"]}>
              <LayPanelistManager interviewId={interview.id} />
            </ClientMessages>
          </>
        ) : (
          <ul className="mt-2 space-y-1" aria-label={t("panelists")}>
            {interview.panel.map((p) => (
              <li key={p.userId}>
                {p.name}
                {p.shadow && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t("shadow")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {interview.canManage && <PanelStrandsSection interviewId={interview.id} />}

      <ClientMessages namespaces={["interviews", "validation"]}>
        {interview.canManage && (
          <InterviewSettings
            key={`${interview.scheduledAt.toISOString()}-${interview.location}-${interview.status}`}
            interviewId={interview.id}
            scheduledAt={interview.scheduledAt}
            location={interview.location}
            status={interview.status}
            updatedAt={interview.updatedAt}
          />
        )}

        {interview.isShadow && <ShadowComparison interviewId={interview.id} />}
      </ClientMessages>

      <section aria-label={t("progress")} className="mt-4">
        <PanelProgress interviewId={interview.id} />
      </section>
      <section aria-label={t("scorecards")} className="mt-4">
        <ClientMessages namespaces={["strands"]}>
          <InterviewScorecards interviewId={interview.id} />
        </ClientMessages>
      </section>
    </>
  );
}

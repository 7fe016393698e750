import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { CandidateDebriefs } from "../../debriefs/_components/candidate-debriefs";
import { CANDIDATE_STATUS_LABELS, INTERVIEW_STATUS_LABELS } from "../../interviews/_components/status-labels";
import { When } from "../../interviews/_components/when";
import { ApplyToVacancy } from "./apply-to-vacancy";
import { CandidateEditor } from "./candidate-editor";
import { PrivacyActions } from "./privacy-actions";
import { MonitoringLink } from "./monitoring-link";

export const metadata: Metadata = { title: "Candidate" };

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
  const { interviews, canEdit, otherCandidacies, ...details } = candidate;
  const role = viewer.organization?.role;
  const handlesPrivacy = role ? roleHas(role, "candidates:privacy") : false;
  return (
    <>
      <p className="text-sm">
        <Link href="/candidates" className="text-brand-700 underline">All candidates</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{candidate.name}</h1>
        <span className="chip">{CANDIDATE_STATUS_LABELS[candidate.status]}</span>
        {candidate.anonymizedAt && <span className="chip">Personal data erased</span>}
      </div>
      <p className="mt-1 text-slate-700">
        <Link href={`/vacancies/${candidate.vacancy.id}`} className="font-semibold text-brand-700 underline">
          {candidate.vacancy.title}
        </Link>
        {" "}· {candidate.stage ? <>stage: {candidate.stage.name}</> : "no stage yet"}
        {candidate.decidedAt ? (
          <>
            {" "}· decided <When date={candidate.decidedAt} dateOnly />
          </>
        ) : null}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="candidate-interviews-heading">
          <h2 id="candidate-interviews-heading" className="text-lg font-semibold">Interviews</h2>
          {interviews.length === 0 ? (
            <p className="mt-2 text-slate-700">
              No interviews yet. <Link href="/interviews" className="font-semibold text-brand-700 underline">Schedule one</Link>.
            </p>
          ) : (
            <ul className="mt-3 space-y-3" aria-label="Interviews of this candidate">
              {interviews.map((i) => (
                <li key={i.id} className="card flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <Link href={`/interviews/${i.id}`} className="font-semibold underline-offset-2 hover:underline">
                      <When date={i.scheduledAt} />
                    </Link>
                    <p className="mt-1 text-sm text-slate-700">
                      {i.stageName ? `${i.stageName} · ` : ""}
                      {i.scriptTitle} (version {i.scriptVersion}) · panel of {i.panelCount}
                    </p>
                  </div>
                  <span className="chip">{INTERVIEW_STATUS_LABELS[i.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="space-y-6">
          {otherCandidacies.length > 0 && (
            <section aria-labelledby="other-candidacies-heading" className="card h-fit">
              <h2 id="other-candidacies-heading" className="text-lg font-semibold">Other applications</h2>
              <ul className="mt-2 space-y-2" aria-label="This person's other applications">
                {otherCandidacies.map((c) => (
                  <li key={c.id}>
                    <Link href={`/candidates/${c.id}`} className="font-semibold text-brand-700 underline">
                      {c.vacancyTitle}
                    </Link>
                    <span className="text-sm text-slate-700">
                      {c.stageName ? ` · ${c.stageName}` : ""} · {CANDIDATE_STATUS_LABELS[c.status]}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CandidateEditor
            key={candidate.updatedAt.toISOString()}
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
      </div>
      <CandidateDebriefs candidateId={candidate.id} />
    </>
  );
}

// The candidate's stages and decisions, for the candidate page: the vacancy's plan in order, where the
// candidate is, each stage's debrief (a link) and decision with its reasons, as far as the viewer may see
// them; for a chair, the button to open a stage's debrief. A server component: include it with the id.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { DecisionSummary } from "./decision-summary";
import { OpenDebriefForm } from "./open-debrief-form";

export async function CandidateDebriefs({ candidateId }: { candidateId: string }) {
  const api = await signedInServerApi();
  const history = await api.debriefs.listForCandidate({ candidateId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN"].includes(error.code)) return null;
    throw error;
  });
  if (!history || history.stages.length === 0) return null;
  const t = await getTranslations("debriefs.history");
  return (
    <section aria-labelledby="candidate-debriefs-heading" className="mt-6" data-testid="candidate-debriefs">
      <h2 id="candidate-debriefs-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ol className="mt-3 space-y-3">
        {history.stages.map((stage) => (
          <li key={stage.id} className="card" data-testid="stage-history-item" data-stage-id={stage.id}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">
                {stage.position}. {stage.name}
              </h3>
              {stage.isCurrent && <span className="chip">{t("current")}</span>}
              {!stage.counts && <span className="chip bg-slate-100 text-slate-800 ring-slate-300">{t("notCounted")}</span>}
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {t("interviews", { count: stage.interviews })}
              {stage.debrief ? (
                <>
                  {" "}
                  <Link href={`/debriefs/${stage.debrief.id}`} className="font-semibold text-brand-700 underline" data-testid="debrief-link">
                    {stage.debrief.status === "OPEN" ? t("inProgress") : t("debrief")}
                  </Link>
                  {stage.debrief.corrections > 0 ? ` · ${t("corrections", { count: stage.debrief.corrections })}` : ""}
                </>
              ) : null}
            </p>
            {stage.debrief?.decision && (
              <div className="mt-3 border-t border-slate-200 pt-3">
                <DecisionSummary decision={stage.debrief.decision} headingLevel={4} />
              </div>
            )}
            {stage.missing !== null && (
              <ClientMessages namespaces={["debriefs", "validation"]}>
                <OpenDebriefForm candidateId={history.candidateId} stageId={stage.id} stageName={stage.name} missing={stage.missing} />
              </ClientMessages>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

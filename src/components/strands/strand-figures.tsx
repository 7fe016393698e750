// Each strand's figures for one candidate at a stage and how far the strands agree (issue 23), as the
// candidate summary and the debrief show them. A server component: the figures come already read through
// the one visibility rule (strands.candidate).
import { getFormatter, getTranslations } from "next-intl/server";
import type { CandidateStageStrands } from "@/lib/schemas/strands";

export async function StrandFigures({ stage }: { stage: CandidateStageStrands }) {
  const [t, format] = await Promise.all([getTranslations("strands"), getFormatter()]);
  // Two decimals in the reader's language: 2.58 / 2,58.
  const figure = (value: number | null) => (value === null ? "—" : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const modeOf = new Map(stage.policy.map((p) => [p.strand, p]));
  const names = (strands: readonly string[]) => strands.map((s) => t(`strandNames.${s}`)).join(", ");
  return (
    <div className="mt-2 space-y-2" data-testid="strand-figures" data-stage-id={stage.stageId}>
      <table className="w-full max-w-xl text-sm">
        <caption className="sr-only">{t("figuresStage", { stage: stage.stageName })}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 pr-3">{t("strand")}</th>
            <th scope="col" className="py-1 pr-3">{t("mode")}</th>
            <th scope="col" className="py-1 pr-3">{t("score")}</th>
            <th scope="col" className="py-1">{t("scorecards")}</th>
          </tr>
        </thead>
        <tbody>
          {stage.strands.map((s) => {
            const policy = modeOf.get(s.strand);
            return (
              <tr key={s.strand} className="border-t border-slate-200">
                <th scope="row" className="py-1 pr-3 font-medium">{t(`strandNames.${s.strand}`)}</th>
                <td className="py-1 pr-3">
                  {policy ? (policy.mode === "ADVISORY" ? t("advisory") : t("weightPercent", { weight: policy.weight })) : "—"}
                </td>
                <td className="py-1 pr-3">{s.score === null ? t("noFigure") : figure(s.score)}</td>
                <td className="py-1">{s.scorecards}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid gap-1 text-sm sm:grid-cols-2">
        {stage.policy.length > 0 && (
          <div>
            <dt className="text-slate-700">{t("combined")}</dt>
            <dd className="text-lg font-semibold" data-testid="strand-combined">{figure(stage.combined)}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-700">{t("pooled")}</dt>
          <dd className="text-lg font-semibold">{figure(stage.pooled)}</dd>
        </div>
      </dl>
      {stage.leftOut.length > 0 && <p className="text-sm">{t("leftOut", { strands: names(stage.leftOut) })}</p>}
      <p className="text-sm">{stage.spread === null ? t("spreadNone") : t("spread", { spread: figure(stage.spread) })}</p>
      <p className="text-sm">
        {stage.preferredBy.length > 0
          ? t("preferredBy", { strands: names(stage.preferredBy), count: stage.compared })
          : t("preferredByNone", { count: stage.compared })}{" "}
        {stage.agreeOnTop === null ? t("agreeUnknown") : stage.agreeOnTop ? t("agree") : t("disagree")}
      </p>
    </div>
  );
}

/** A candidate's strands, stage by stage (or at one stage), under a heading; nothing when no stage has strands. */
export async function CandidateStrands({ stages, stageId, headingId }: { stages: CandidateStageStrands[]; stageId?: string; headingId: string }) {
  const shown = stageId ? stages.filter((s) => s.stageId === stageId) : stages;
  if (shown.length === 0) return null;
  const t = await getTranslations("strands");
  return (
    <section aria-labelledby={headingId} className="card mt-4" data-testid="candidate-strands">
      <h2 id={headingId} className="text-lg font-semibold">{t("figuresHeading")}</h2>
      {shown.map((stage) => (
        <div key={stage.stageId} className="mt-3">
          <h3 className="font-semibold">{t("figuresStage", { stage: stage.stageName })}</h3>
          <StrandFigures stage={stage} />
        </div>
      ))}
    </section>
  );
}

/** "Assisted: ratings entered by …" beside a scorecard, wherever one is read. */
export async function AssistedNote({ assisted, supporterName }: { assisted: boolean; supporterName: string | null }) {
  if (!assisted) return null;
  const t = await getTranslations("strands");
  return <span className="chip" data-testid="assisted-note">{t("assistedBy", { name: supporterName ?? "" })}</span>;
}

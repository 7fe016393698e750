// A recorded decision: the outcome, whether it overrides the mechanical order and why, the rationale, the
// mechanical figures it was taken against, and who decided when. For the debrief page and the candidate page.
import { useFormatter, useTranslations } from "next-intl";
import { When } from "../../interviews/_components/when";
import type { DecisionView } from "@/lib/schemas/debriefs";
import { figure } from "./format";
import { DepartureReasonNote } from "@/components/strands/departure-reason";

export function DecisionSummary({ decision, headingLevel = 3 }: { decision: DecisionView; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const t = useTranslations("debriefs");
  const format = useFormatter();
  const next = decision.nextStage?.name ?? null;
  const heading = decision.outcome === "ADVANCE" ? (next ? t("summary.advanceTo", { stage: next }) : t("summary.advance")) : t(`outcomes.${decision.outcome}`);
  return (
    <div data-testid="decision" data-outcome={decision.outcome} data-override={decision.isOverride ? "true" : "false"}>
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="font-semibold">{heading}</Heading>
        {decision.isOverride && (
          <span className="chip bg-amber-50 text-amber-900 ring-amber-300" data-testid="decision-override">
            {t("summary.override")}
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {decision.decidedBy ? `${decision.decidedBy}, ` : ""}
        <When date={decision.decidedAt} />
        {decision.mechanicalRank !== null && decision.rankedOf !== null
          ? t("summary.ranked", { rank: decision.mechanicalRank, of: decision.rankedOf, score: figure(decision.weightedScore, format) })
          : t("summary.noScore")}
      </p>
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="text-sm font-medium text-slate-800">{t("summary.rationale")}</dt>
          <dd className="whitespace-pre-wrap" data-testid="decision-rationale">
            {decision.rationale}
          </dd>
        </div>
        {decision.overrideJustification && (
          <div>
            <dt className="text-sm font-medium text-slate-800">{t("summary.justification")}</dt>
            <dd className="whitespace-pre-wrap" data-testid="decision-justification">
              {decision.overrideJustification}
            </dd>
          </div>
        )}
        <DepartureReasonNote reason={decision.strandDepartureReason} />
      </dl>
    </div>
  );
}

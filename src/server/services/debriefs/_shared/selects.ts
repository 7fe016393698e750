import type { Prisma } from "@/generated/prisma/client";
import type { DecisionView } from "@/lib/schemas/debriefs";

export const decisionSelect = {
  id: true,
  outcome: true,
  rationale: true,
  isOverride: true,
  overrideJustification: true,
  strandDepartureReason: true,
  weightedScore: true,
  mechanicalRank: true,
  rankedOf: true,
  decidedAt: true,
  nextStage: { select: { id: true, name: true } },
  decidedBy: { select: { name: true } },
} satisfies Prisma.DecisionSelect;

type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;

export function toDecisionView(d: DecisionRow): DecisionView {
  return {
    id: d.id,
    outcome: d.outcome,
    nextStage: d.nextStage,
    rationale: d.rationale,
    isOverride: d.isOverride,
    overrideJustification: d.overrideJustification,
    strandDepartureReason: d.strandDepartureReason,
    weightedScore: d.weightedScore,
    mechanicalRank: d.mechanicalRank,
    rankedOf: d.rankedOf,
    decidedBy: d.decidedBy?.name ?? null,
    decidedAt: d.decidedAt,
  };
}

/** The decision without the stored figures the reader may not be shown (decisionFiguresHidden). */
export function withoutWithheldFigures(decision: DecisionView, hide: "rank" | "all" | undefined): DecisionView {
  if (!hide) return decision;
  return { ...decision, mechanicalRank: null, rankedOf: null, weightedScore: hide === "all" ? null : decision.weightedScore };
}

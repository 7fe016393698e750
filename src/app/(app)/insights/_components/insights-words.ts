// The insights pages' enum words in the reader's language, looked up by the enum value at render time
// (messages: insights.statuses, insights.recommendations, insights.outcomes). `t` is useTranslations("insights").
import type { DecisionOutcome } from "@/generated/prisma/enums";
import { RECOMMENDATIONS, type RecommendationKey } from "./insights-format";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "Active", "Reserve list"… */
export function statusWord(t: Translate, status: string): string {
  return t(`statuses.${status}`);
}

/** "2 strong yes · 1 no", or "none" when no scorecard has a recommendation. */
export function recommendationTally(t: Translate, tally: Partial<Record<RecommendationKey, number>>): string {
  const parts = RECOMMENDATIONS.filter((r) => (tally[r.key] ?? 0) > 0).map((r) =>
    t("recommendationCount", { count: tally[r.key] ?? 0, label: t(`recommendations.${r.key}`) }),
  );
  return parts.length ? parts.join(" · ") : t("noRecommendation");
}

/** "Appointed (Panel interview)", "Awaiting decision (Screening call)", or "" with neither. */
export function latestOutcomeWords(t: Translate, outcome: DecisionOutcome | null, stage: string | null): string {
  if (outcome) return stage ? t("outcomeAtStage", { outcome: t(`outcomes.${outcome}`), stage }) : t(`outcomes.${outcome}`);
  return stage ? t("awaitingDecision", { stage }) : "";
}

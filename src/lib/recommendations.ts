// Apart from the rating levels (rating-scale.ts) so that the scoring screen, which needs only these, does not
// carry the levels' labels in its first-load JavaScript; for the same reason the values stand apart from the
// English labels (the scoring page words them through its messages).

/** A panelist's overall recommendation, from the lowest to the highest. */
export const RECOMMENDATION_VALUES = ["STRONG_NO", "NO", "YES", "STRONG_YES"] as const;
export type RecommendationValue = (typeof RECOMMENDATION_VALUES)[number];

const LABELS: Record<RecommendationValue, string> = { STRONG_NO: "Strong no", NO: "No", YES: "Yes", STRONG_YES: "Strong yes" };

/** The recommendations with the words every page shows in English, lowest first. */
export const RECOMMENDATION_LEVELS = RECOMMENDATION_VALUES.map((value) => ({ value, label: LABELS[value] }));

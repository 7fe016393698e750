// Apart from the rating levels (rating-scale.ts) so that the scoring screen, which needs only these, does not
// carry the levels' labels in its first-load JavaScript.

/** A panelist's overall recommendation, from the lowest to the highest, with the words every page shows. */
export const RECOMMENDATION_LEVELS = [
  { value: "STRONG_NO", label: "Strong no" },
  { value: "NO", label: "No" },
  { value: "YES", label: "Yes" },
  { value: "STRONG_YES", label: "Strong yes" },
] as const;
export type RecommendationValue = (typeof RECOMMENDATION_LEVELS)[number]["value"];

/** The 4-point scale every competency is rated on. */
export const RATING_LEVELS = [
  { level: 1, label: "Does not meet" },
  { level: 2, label: "Partly meets" },
  { level: 3, label: "Meets" },
  { level: 4, label: "Exceeds" },
] as const;

export function ratingLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? `Level ${level}`;
}

/** A panelist's overall recommendation, from the lowest to the highest, with the words every page shows. */
export const RECOMMENDATION_LEVELS = [
  { value: "STRONG_NO", label: "Strong no" },
  { value: "NO", label: "No" },
  { value: "YES", label: "Yes" },
  { value: "STRONG_YES", label: "Strong yes" },
] as const;
export type RecommendationValue = (typeof RECOMMENDATION_LEVELS)[number]["value"];

/** The words for a recommendation; undefined for none or an unknown value. */
export function recommendationLabel(value: string | null | undefined): string | undefined {
  return RECOMMENDATION_LEVELS.find((r) => r.value === value)?.label;
}

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

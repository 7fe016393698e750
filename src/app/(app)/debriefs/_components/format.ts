// How the debrief pages write figures: two decimals, a dash for none.
export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export const ALPHA_READING_LABELS = {
  reliable: "Reliable",
  tentative: "Tentative",
  unreliable: "Unreliable",
  "not enough data": "Not enough data",
} as const;

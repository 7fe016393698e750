// What drift was seen in a panelist's live ratings, one phrase per reason, in the reader's language: the
// training page (addressed to the panelist), the refresher email, and the calibration page (about them).
// `say` is a translator over the training namespace's `drift` messages; `two` writes a figure to two decimals.
import type { DriftReason } from "@/lib/schemas/readiness";

export type DriftFacts = { reasons: readonly DriftReason[]; leniencyOffset: number | null; ratings: number; levelsUsed: number };
type Say = (key: string, values: Record<string, string | number>) => string;

export function driftWords(m: DriftFacts, to: "them" | "you", say: Say, two: (value: number) => string): string[] {
  const rounded = m.leniencyOffset === null ? null : Math.round(m.leniencyOffset * 100) / 100;
  const offset = rounded === null ? "" : `${rounded > 0 ? "+" : "−"}${two(Math.abs(rounded))}`;
  // The count as digits (20, 1500), as the English always wrote it.
  const values = { offset, n: String(m.ratings), ratings: m.ratings, levels: m.levelsUsed };
  return m.reasons.map((reason) => say(`drift.${to}.${reason}`, values));
}

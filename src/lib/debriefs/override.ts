// The override rule: when a debrief's outcome departs from the mechanical order, the chair must write why.
// Levels: appoint = advance = 3, reserve = 2, reject = 1. A decision is an override when it inverts the
// mechanical order against a candidate already decided at the same stage of the vacancy (a better-ranked
// one got a lower level, or a worse-ranked one a higher level), or when it rejects the rank-1 candidate.
// Ties share a rank and never invert; a candidate without a rank (no score) is outside the order.
import { OUTCOME_LEVEL, OUTCOME_PAST, outcomeDoing, type DebriefOutcome } from "./outcomes";

export type RankedCandidate = { name: string; rank: number | null; rankedOf: number };
export type DecidedCandidate = { name: string; rank: number | null; outcome: DebriefOutcome };

/**
 * Why an outcome is an override, as data a page words in its reader's language (debriefs.override.* messages):
 * rejecting the top scorer, or an inversion against the closest candidate already decided.
 */
export type OverrideCase =
  | { kind: "rejectTop"; name: string; rankedOf: number }
  | {
      kind: "inversion";
      name: string;
      rank: number;
      rankedOf: number;
      outcome: DebriefOutcome;
      other: string;
      otherRank: number;
      otherOutcome: DebriefOutcome;
      direction: "lowerAbove" | "higherBelow";
    };

/** Why this outcome is an override, or null when it follows the mechanical order. */
export function overrideCase(candidate: RankedCandidate, outcome: DebriefOutcome, decided: readonly DecidedCandidate[]): OverrideCase | null {
  const { name, rank, rankedOf } = candidate;
  if (rank === null) return null;
  if (outcome === "REJECT" && rank === 1) return { kind: "rejectTop", name, rankedOf };
  const level = OUTCOME_LEVEL[outcome];
  // The inversions, closest in rank first: that is the comparison a reader checks first.
  const inversions = decided
    .filter((d): d is DecidedCandidate & { rank: number } => d.rank !== null && d.rank !== rank)
    .filter((d) => (d.rank < rank && OUTCOME_LEVEL[d.outcome] < level) || (d.rank > rank && OUTCOME_LEVEL[d.outcome] > level))
    .sort((a, b) => Math.abs(a.rank - rank) - Math.abs(b.rank - rank) || a.rank - b.rank);
  const other = inversions[0];
  if (!other) return null;
  const direction = other.rank < rank ? "lowerAbove" : "higherBelow";
  return { kind: "inversion", name, rank, rankedOf, outcome, other: other.name, otherRank: other.rank, otherOutcome: other.outcome, direction };
}

const DIRECTION_WORDS = {
  lowerAbove: "puts a lower-ranked candidate above a higher-ranked one",
  higherBelow: "puts a higher-ranked candidate below a lower-ranked one",
} as const;

/**
 * Why this outcome is an override, in English words (the demo seed's justifications); null when it follows
 * the mechanical order. Pages and the server's refusal word the same case from overrideCase in the reader's
 * language (debriefs.override.*, errors debrief.override.*).
 */
export function overrideReason(candidate: RankedCandidate, outcome: DebriefOutcome, decided: readonly DecidedCandidate[]): string | null {
  const found = overrideCase(candidate, outcome, decided);
  if (!found) return null;
  if (found.kind === "rejectTop") return `${found.name} is ranked 1 of ${found.rankedOf}: rejecting the top scorer is an override; write why.`;
  const doing = outcomeDoing(outcome, `${found.name} (ranked ${found.rank} of ${found.rankedOf})`);
  return `${found.other} (ranked ${found.otherRank}) was ${OUTCOME_PAST[found.otherOutcome]}: ${doing} ${DIRECTION_WORDS[found.direction]}, which is an override; write why.`;
}

/** Whether each outcome would be an override (and why), for the outcome form to show the field in time. */
export function overridesByOutcome(candidate: RankedCandidate, decided: readonly DecidedCandidate[]): Record<DebriefOutcome, OverrideCase | null> {
  return {
    ADVANCE: overrideCase(candidate, "ADVANCE", decided),
    APPOINT: overrideCase(candidate, "APPOINT", decided),
    RESERVE: overrideCase(candidate, "RESERVE", decided),
    REJECT: overrideCase(candidate, "REJECT", decided),
  };
}

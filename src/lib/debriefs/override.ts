// The override rule: when a debrief's outcome departs from the mechanical order, the chair must write why.
// Levels: appoint = advance = 3, reserve = 2, reject = 1. A decision is an override when it inverts the
// mechanical order against a candidate already decided at the same stage of the vacancy (a better-ranked
// one got a lower level, or a worse-ranked one a higher level), or when it rejects the rank-1 candidate.
// Ties share a rank and never invert; a candidate without a rank (no score) is outside the order.
import { OUTCOME_LEVEL, OUTCOME_PAST, outcomeDoing, type DebriefOutcome } from "./outcomes";

export type RankedCandidate = { name: string; rank: number | null; rankedOf: number };
export type DecidedCandidate = { name: string; rank: number | null; outcome: DebriefOutcome };

/**
 * Why this outcome is an override, in words the chair reads beside the justification field; null when it
 * follows the mechanical order.
 */
export function overrideReason(candidate: RankedCandidate, outcome: DebriefOutcome, decided: readonly DecidedCandidate[]): string | null {
  const { name, rank, rankedOf } = candidate;
  if (rank === null) return null;
  if (outcome === "REJECT" && rank === 1) {
    return `${name} is ranked 1 of ${rankedOf}: rejecting the top scorer is an override; write why.`;
  }
  const level = OUTCOME_LEVEL[outcome];
  // The inversions, closest in rank first: that is the comparison a reader checks first.
  const inversions = decided
    .filter((d): d is DecidedCandidate & { rank: number } => d.rank !== null && d.rank !== rank)
    .filter((d) => (d.rank < rank && OUTCOME_LEVEL[d.outcome] < level) || (d.rank > rank && OUTCOME_LEVEL[d.outcome] > level))
    .sort((a, b) => Math.abs(a.rank - rank) - Math.abs(b.rank - rank) || a.rank - b.rank);
  const other = inversions[0];
  if (!other) return null;
  const doing = outcomeDoing(outcome, `${name} (ranked ${rank} of ${rankedOf})`);
  const direction =
    other.rank < rank ? "puts a lower-ranked candidate above a higher-ranked one" : "puts a higher-ranked candidate below a lower-ranked one";
  return `${other.name} (ranked ${other.rank}) was ${OUTCOME_PAST[other.outcome]}: ${doing} ${direction}, which is an override; write why.`;
}

/** Whether each outcome would be an override (and why), for the outcome form to show the field in time. */
export function overridesByOutcome(
  candidate: RankedCandidate,
  decided: readonly DecidedCandidate[],
): Record<DebriefOutcome, string | null> {
  return {
    ADVANCE: overrideReason(candidate, "ADVANCE", decided),
    APPOINT: overrideReason(candidate, "APPOINT", decided),
    RESERVE: overrideReason(candidate, "RESERVE", decided),
    REJECT: overrideReason(candidate, "REJECT", decided),
  };
}

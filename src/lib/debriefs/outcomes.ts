// The four outcomes of a debrief, their words and their levels in the override rule. Shared by the server
// (the rule, the messages) and the pages (the outcome select), so both say the same thing.

export const DEBRIEF_OUTCOMES = ["ADVANCE", "APPOINT", "RESERVE", "REJECT"] as const;
export type DebriefOutcome = (typeof DEBRIEF_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<DebriefOutcome, string> = {
  ADVANCE: "Advance to a later stage",
  APPOINT: "Appoint",
  RESERVE: "Reserve list",
  REJECT: "Reject",
};

/** How the outcome reads after a name: "Dana Reed was appointed". */
export const OUTCOME_PAST: Record<DebriefOutcome, string> = {
  ADVANCE: "advanced",
  APPOINT: "appointed",
  RESERVE: "put on the reserve list",
  REJECT: "rejected",
};

/** The override rule's levels: advancing and appointing rank alike above the reserve list, rejecting lowest. */
export const OUTCOME_LEVEL: Record<DebriefOutcome, number> = { ADVANCE: 3, APPOINT: 3, RESERVE: 2, REJECT: 1 };

/** "appointing Dana Reed", "putting Dana Reed on the reserve list". */
export function outcomeDoing(outcome: DebriefOutcome, name: string): string {
  switch (outcome) {
    case "ADVANCE":
      return `advancing ${name}`;
    case "APPOINT":
      return `appointing ${name}`;
    case "RESERVE":
      return `putting ${name} on the reserve list`;
    case "REJECT":
      return `rejecting ${name}`;
  }
}

/** The outcome as the decision's heading says it: "Advance to Practical task", "Appoint". */
export function outcomeSummary(outcome: DebriefOutcome, nextStageName: string | null): string {
  if (outcome === "ADVANCE") return nextStageName ? `Advance to ${nextStageName}` : "Advance";
  return OUTCOME_LABELS[outcome];
}

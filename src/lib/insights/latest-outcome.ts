// The "Latest outcome" of a candidate in the comparison, in the words the page and the CSV as shown use:
// the most recent decision and the stage it was taken at, or where an undecided candidate is.
import type { DecisionOutcome } from "@/generated/prisma/enums";

export const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  ADVANCE: "Advanced",
  APPOINT: "Appointed",
  RESERVE: "Reserve list",
  REJECT: "Rejected",
};

/** "Appointed (Panel interview)", "Awaiting decision (Screening call)", or "" with neither. */
export function latestOutcomeText(outcome: DecisionOutcome | null, stage: string | null): string {
  if (outcome) return stage ? `${OUTCOME_WORDS[outcome]} (${stage})` : OUTCOME_WORDS[outcome];
  return stage ? `Awaiting decision (${stage})` : "";
}

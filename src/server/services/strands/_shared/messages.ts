// What the strands procedures refuse with, in one place.
export const STRANDS_LOCKED =
  "Scoring has started at this stage, so its strand policy is locked: nothing was changed. The policy in force is shown below.";
export const STRAND_LOCKED_FOR_MEMBER =
  "This panelist has started scoring, so their strand stays as it is: changing it would move their ratings to another strand.";
export const NOT_ON_STAGE_PANEL = "This person is not on the stage's default panel.";
export const NOT_ON_PANEL = "This person is not on the interview's panel.";
export const POLICY_PROBLEMS: Record<string, string> = {
  duplicate: "Declare each strand once.",
  noWeighted: "Make at least one strand weighted: the weighted score needs one.",
  weightRange: "Give every weighted strand a whole percent from 1 to 100, or make it advisory.",
  sum: "The weights of the weighted strands must add up to 100%.",
};
export const ASSISTANCE_AFTER_SUBMIT = "This scorecard is submitted: whether it was assisted can no longer change.";
export const DEPARTURE_REASON_NEEDED =
  "This outcome departs from the service-user strand's preferred candidate at this stage: write the reason, which the strand's members will read.";

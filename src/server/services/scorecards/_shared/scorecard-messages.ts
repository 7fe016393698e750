// Messages shared by the scorecard services, written for the panelist reading them.
export const SUBMITTED_SCORECARD = "This scorecard is submitted; amend it with a reason.";
export const ALREADY_SUBMITTED_DIFFERENTLY =
  "This scorecard was already submitted with a different recommendation or summary; amend it with a reason.";
export const NOT_SUBMITTED_YET = "This scorecard is not submitted yet; change it directly instead of amending.";
export const NOT_ON_SCRIPT = "That question or competency is not part of this interview's script.";
export const INTERVIEW_CANCELLED = "This interview was cancelled, so its scorecards can't be changed.";
export const CANDIDATE_ERASED = "This candidate's personal data was erased, so their scorecards can't be changed.";
export const HIDDEN_UNTIL_OWN_SUBMITTED = "Submit your own scorecard to see the others.";

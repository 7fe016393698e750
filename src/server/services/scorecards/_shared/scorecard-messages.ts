// Messages shared by the scorecard services, written for the panelist reading them.
import type { ErrorText } from "@/server/errors";

export const SUBMITTED_SCORECARD: ErrorText = { key: "scorecard.submitted" };
export const ALREADY_SUBMITTED_DIFFERENTLY: ErrorText = { key: "scorecard.alreadySubmittedDifferently" };
export const NOT_SUBMITTED_YET: ErrorText = { key: "scorecard.notSubmittedYet" };
export const NOT_ON_SCRIPT: ErrorText = { key: "scorecard.notOnScript" };
export const INTERVIEW_CANCELLED: ErrorText = { key: "scorecard.interviewCancelled" };
export const CANDIDATE_ERASED: ErrorText = { key: "scorecard.candidateErased" };
export const HIDDEN_UNTIL_OWN_SUBMITTED = "Submit your own scorecard to see the others.";

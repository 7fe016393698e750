export const INTERVIEW_STATUS_LABELS = { SCHEDULED: "Scheduled", COMPLETED: "Completed", CANCELLED: "Cancelled" } as const;
export type InterviewStatusValue = keyof typeof INTERVIEW_STATUS_LABELS;

export const SCORECARD_STATUS_LABELS = { NOT_STARTED: "Not started", DRAFT: "Draft", SUBMITTED: "Submitted" } as const;

export const CANDIDATE_STATUS_LABELS = { ACTIVE: "Active", HIRED: "Hired", RESERVE: "Reserve list", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" } as const;
export type CandidateStatusValue = keyof typeof CANDIDATE_STATUS_LABELS;

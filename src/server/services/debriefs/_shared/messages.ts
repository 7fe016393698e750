// What a debrief's refusals say, in one place.
import { AppError, type ErrorText } from "@/server/errors";

export const DEBRIEF_CLOSED: ErrorText = { key: "debrief.closed" };
export const DEBRIEF_STILL_OPEN: ErrorText = { key: "debrief.stillOpen" };
export const NOT_QUEUED: ErrorText = { key: "debrief.notQueued" };
export const COMMENTERS_ONLY: ErrorText = { key: "debrief.commentersOnly" };

export const closedDebrief = () => new AppError("CONFLICT", DEBRIEF_CLOSED);

/** What is no longer possible, as errors.json words it (debrief.doing.*). */
type Doing = "a debrief" | "a decision" | "recording the debrief" | "changing the outcome";
const DOING_KEY = { "a debrief": "debrief", "a decision": "decision", "recording the debrief": "recording", "changing the outcome": "changingOutcome" } as const;

export function candidateRefusal(candidate: { name: string; status: string; erased: boolean }, doing: Doing): AppError | null {
  const what: ErrorText = { key: `debrief.doing.${DOING_KEY[doing]}` };
  if (candidate.erased) return new AppError("CONFLICT", { key: "debrief.erasedNoLonger", values: { doing: what } });
  if (candidate.status === "WITHDRAWN") return new AppError("CONFLICT", { key: "debrief.withdrawnNoLonger", values: { name: candidate.name, doing: what } });
  return null;
}

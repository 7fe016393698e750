// What a debrief's refusals say, in one place.
import { AppError } from "@/server/errors";

export const DEBRIEF_CLOSED =
  "This debrief is closed: its record is locked. A chair can add a correction, with a reason, below the decision.";
export const DEBRIEF_STILL_OPEN = "This debrief is still open: change the entry or the outcome in the debrief itself. Corrections are for closed debriefs.";
export const NOT_QUEUED = "This question and competency are not in the debrief's queue of disagreements.";
export const COMMENTERS_ONLY = "Only the panel and the chair comment on a debrief.";

export const closedDebrief = () => new AppError("CONFLICT", DEBRIEF_CLOSED);

export function candidateRefusal(candidate: { name: string; status: string; erased: boolean }, doing: string): AppError | null {
  if (candidate.erased) return new AppError("CONFLICT", `This candidate's personal data was erased: ${doing} is no longer possible.`);
  if (candidate.status === "WITHDRAWN") return new AppError("CONFLICT", `${candidate.name} has withdrawn: ${doing} is no longer possible.`);
  return null;
}

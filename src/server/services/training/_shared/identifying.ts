// The identifying-details check every saved practice-answer text goes through: the candidate's name and
// contact details when the text came from their interview's notes, and any email address or phone number.
import { identifyingMatches, identifyingRefusal, type IdentifyingPerson } from "@/lib/training/identifying-text";
import { AppError } from "@/server/errors";
import type { Reader } from "./answer-context";

/** The candidate whose interview the scorecard was for, as the check needs them (never returned to anyone). */
export async function candidateOfScorecard(db: Reader, scorecardId: string | null): Promise<IdentifyingPerson[]> {
  if (!scorecardId) return [];
  const scorecard = await db.scorecard.findUnique({
    where: { id: scorecardId },
    select: { interview: { select: { candidate: { select: { name: true, email: true, phone: true } } } } },
  });
  return scorecard ? [scorecard.interview.candidate] : [];
}

/** Refuses (BAD_REQUEST on the text field, naming every match) text that still identifies someone. */
export function refuseIdentifyingText(text: string, people: readonly IdentifyingPerson[]): void {
  const matches = identifyingMatches(text, people);
  if (matches.length > 0) throw new AppError("BAD_REQUEST", identifyingRefusal(matches), "text");
}

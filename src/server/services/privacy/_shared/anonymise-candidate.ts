// The one path that removes a candidate's personal data, used by erasure on request and by the retention
// job. The candidate row stays as a tombstone (anonymous label, position, status, dates) so lists, the
// audit trail and kept ratings still have something to point at; nothing in it identifies the person.
import type { Prisma } from "@/generated/prisma/client";
import { erasedContact } from "@/lib/schemas/candidates";

type Tx = Prisma.TransactionClient;

/** What erasing a candidate needs to know first: whether they already were, and what the organisation keeps. */
export const erasableCandidateSelect = {
  id: true,
  anonymizedAt: true,
  org: { select: { keepAnonymousRatings: true } },
} satisfies Prisma.CandidateSelect;

export const ERASED_NAME_PREFIX = "Erased candidate";

/** "Erased candidate 7f3k2q": stable, short, and tells two erased candidates apart without naming anyone. */
export function erasedCandidateName(candidateId: string): string {
  return `${ERASED_NAME_PREFIX} ${candidateId.slice(-6)}`;
}

export type AnonymisationCounts = {
  /** "ratings_kept": submitted ratings and recommendations stay, anonymous; "deleted": interviews and scorecards removed. */
  mode: "ratings_kept" | "deleted";
  interviews: number;
  scorecards: number;
  notes: number;
};

/**
 * Anonymises one candidate inside the caller's transaction. The first statement is a conditional update
 * (anonymizedAt still null), so of two concurrent runs only one does the work; the other gets null.
 *
 * Always removed: name (replaced by the anonymous label), every personal field of candidateContactSchema
 * (email, phone, notes: each left as the form stores a blank field), evidence notes, scorecard
 * summaries, the words of amendments (reasons, notes, summaries), interview locations, invitations to their
 * interviews. With keepRatings, submitted scorecards
 * keep their numeric ratings and recommendation; drafts go, and upcoming interviews are cancelled.
 * Without it, the candidate's interviews go with everything under them.
 */
export async function anonymiseCandidate(
  tx: Tx,
  input: { candidateId: string; orgId: string; keepRatings: boolean; now: Date },
): Promise<AnonymisationCounts | null> {
  const claimed = await tx.candidate.updateMany({
    where: { id: input.candidateId, orgId: input.orgId, anonymizedAt: null },
    data: { ...erasedContact, name: erasedCandidateName(input.candidateId), anonymizedAt: input.now },
  });
  if (claimed.count === 0) return null;

  const interviews = await tx.interview.findMany({ where: { candidateId: input.candidateId }, select: { id: true } });
  const interviewIds = interviews.map((i) => i.id);
  const ofInterviews = { interviewId: { in: interviewIds } };
  const notes = await tx.scorecardNote.deleteMany({ where: { scorecard: ofInterviews } });

  if (!input.keepRatings) {
    const scorecards = await tx.scorecard.count({ where: ofInterviews });
    // Cascades to panel seats, scorecards, ratings and invitations.
    await tx.interview.deleteMany({ where: { id: { in: interviewIds } } });
    return { mode: "deleted", interviews: interviewIds.length, scorecards, notes: notes.count };
  }

  await tx.scorecard.deleteMany({ where: { ...ofInterviews, status: "DRAFT" } });
  const kept = await tx.scorecard.updateMany({ where: ofInterviews, data: { summary: "" } });
  // Amendments keep their numbers (rating and recommendation changes) but lose their words.
  await tx.$executeRaw`
    UPDATE "ScorecardAmendment" a
    SET "reason" = '', "before" = a."before" - 'notes' - 'summary', "after" = a."after" - 'notes' - 'summary'
    FROM "Scorecard" s
    WHERE s."id" = a."scorecardId" AND s."interviewId" = ANY(${interviewIds}::text[])`;
  await tx.invitation.deleteMany({ where: ofInterviews });
  await tx.interview.updateMany({ where: { id: { in: interviewIds } }, data: { location: "" } });
  await tx.interview.updateMany({ where: { id: { in: interviewIds }, status: "SCHEDULED" }, data: { status: "CANCELLED" } });
  return { mode: "ratings_kept", interviews: interviewIds.length, scorecards: kept.count, notes: notes.count };
}

import type { CandidatePrivacyInput } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { erasableCandidateSelect, erasedCandidateName } from "./_shared/anonymise-candidate";

/** What erasing would remove, for the confirmation dialog: counts only, and whether ratings stay. */
export async function describeErasure(db: Db, actor: Actor, input: CandidatePrivacyInput) {
  requirePermission(actor, "candidates:privacy");
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    select: erasableCandidateSelect,
  });
  if (!candidate) throw notFound("Candidate");
  const ofCandidate = { interview: { candidateId: candidate.id } };
  const [interviews, scorecards, notes] = await Promise.all([
    db.interview.count({ where: { candidateId: candidate.id } }),
    db.scorecard.count({ where: ofCandidate }),
    db.scorecardNote.count({ where: { scorecard: ofCandidate } }),
  ]);
  return {
    anonymizedAt: candidate.anonymizedAt,
    keepAnonymousRatings: candidate.org.keepAnonymousRatings,
    interviews,
    scorecards,
    notes,
    erasedName: erasedCandidateName(candidate.id),
  };
}

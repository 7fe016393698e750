import type { CandidatePrivacyInput } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { erasableCandidateSelect, erasedCandidateName } from "./_shared/anonymise-candidate";

/**
 * What erasing would remove, for the confirmation dialog: counts only, and whether ratings stay. Erasure acts
 * on the person, so the counts cover every candidacy of theirs not erased yet, whose vacancies are named.
 */
export async function describeErasure(db: Db, actor: Actor, input: CandidatePrivacyInput) {
  requirePermission(actor, "candidates:privacy");
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    select: erasableCandidateSelect,
  });
  if (!candidate) throw notFound("Candidate");
  const candidacies = await db.candidate.findMany({
    where: { personId: candidate.personId, orgId: actor.orgId, anonymizedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, vacancy: { select: { title: true } } },
  });
  const candidateId = { in: candidacies.map((c) => c.id) };
  const ofCandidates = { interview: { candidateId } };
  const ofDebriefs = { debrief: { candidateId } };
  const [interviews, scorecards, notes, debriefs, decisions, debriefEntries, debriefComments] = await Promise.all([
    db.interview.count({ where: { candidateId } }),
    db.scorecard.count({ where: ofCandidates }),
    db.scorecardNote.count({ where: { scorecard: ofCandidates } }),
    db.debrief.count({ where: { candidateId } }),
    db.decision.count({ where: { candidateId } }),
    db.debriefEntry.count({ where: ofDebriefs }),
    db.debriefComment.count({ where: ofDebriefs }),
  ]);
  return {
    anonymizedAt: candidate.anonymizedAt,
    keepAnonymousRatings: candidate.org.keepAnonymousRatings,
    candidacies: candidacies.length,
    vacancies: candidacies.map((c) => c.vacancy.title),
    interviews,
    scorecards,
    notes,
    debriefs,
    debriefEntries,
    debriefComments,
    decisions,
    erasedName: erasedCandidateName(candidate.id),
  };
}

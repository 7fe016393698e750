// Erasure on request (GDPR art. 17): HR or an admin removes a candidate's personal data in one transaction.
import type { CandidatePrivacyInput } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { anonymiseCandidate, erasableCandidateSelect, erasedCandidateName } from "./_shared/anonymise-candidate";

const alreadyErased = (at: Date) =>
  new AppError("CONFLICT", `This candidate's personal data was already erased on ${at.toISOString().slice(0, 10)}.`);

/**
 * Erases a candidate's personal data following the organisation's choice about ratings. The audit event
 * holds counts and the mode only: audit rows can never be edited, so they must not carry what was erased.
 */
export async function eraseCandidate(db: Db, actor: Actor, input: CandidatePrivacyInput & { now?: Date }) {
  requirePermission(actor, "candidates:privacy");
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: erasableCandidateSelect,
    });
    if (!candidate) throw notFound("Candidate");
    if (candidate.anonymizedAt) throw alreadyErased(candidate.anonymizedAt);
    const counts = await anonymiseCandidate(tx, {
      candidateId: candidate.id,
      orgId: actor.orgId,
      keepRatings: candidate.org.keepAnonymousRatings,
      now,
    });
    // Someone else erased them between the read and the claim.
    if (!counts) throw alreadyErased(now);
    await recordActorEvent(tx, actor, "candidate.erased", ["Candidate", candidate.id], counts);
    return { id: candidate.id, name: erasedCandidateName(candidate.id), anonymizedAt: now, ...counts };
  });
}

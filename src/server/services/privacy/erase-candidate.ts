// Erasure on request (GDPR art. 17): HR or an admin removes a candidate's personal data in one transaction.
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { anonymiseCandidate, erasedCandidateName } from "./anonymise-candidate";

const alreadyErased = (at: Date) =>
  new AppError("CONFLICT", `This candidate's personal data was already erased on ${at.toISOString().slice(0, 10)}.`);

/** What erasing would remove, for the confirmation dialog: counts only, and whether ratings stay. */
export async function describeErasure(db: Db, actor: Actor, input: { candidateId: string }) {
  requirePermission(actor, "candidates:privacy");
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    select: { id: true, anonymizedAt: true, org: { select: { keepAnonymousRatings: true } } },
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

/**
 * Erases a candidate's personal data following the organisation's choice about ratings. The audit event
 * holds counts and the mode only: audit rows can never be edited, so they must not carry what was erased.
 */
export async function eraseCandidate(db: Db, actor: Actor, input: { candidateId: string; now?: Date }) {
  requirePermission(actor, "candidates:privacy");
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: { id: true, anonymizedAt: true, org: { select: { keepAnonymousRatings: true } } },
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
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "candidate.erased",
      entityType: "Candidate",
      entityId: candidate.id,
      data: counts,
    });
    return { id: candidate.id, name: erasedCandidateName(candidate.id), anonymizedAt: now, ...counts };
  });
}

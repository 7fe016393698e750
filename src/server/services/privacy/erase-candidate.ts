// Erasure on request (GDPR art. 17): HR or an admin removes a person's personal data in one transaction.
// It acts on the person, not the one candidacy it was asked from: every candidacy of theirs (the same
// person applying to several vacancies) is anonymised, with its notes, debrief words and rationales.
import type { CandidatePrivacyInput } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import {
  anonymiseCandidate,
  erasableCandidateSelect,
  erasedCandidateName,
  type AnonymisationCounts,
} from "./_shared/anonymise-candidate";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";

const alreadyErased = (at: Date) =>
  new AppError("CONFLICT", { key: "privacy.alreadyErased", values: { date: at.toISOString().slice(0, 10) } });

/**
 * Erases the person's personal data in every candidacy following the organisation's choice about ratings.
 * Each candidacy's audit trail gets its event, holding counts and the mode only: audit rows can never be
 * edited, so they must not carry what was erased.
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
    const candidacies = await tx.candidate.findMany({
      where: { personId: candidate.personId, orgId: actor.orgId, anonymizedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    if (candidacies.length === 0) throw alreadyErased(candidate.anonymizedAt ?? now);

    const total: Omit<AnonymisationCounts, "mode"> = { interviews: 0, scorecards: 0, notes: 0, debriefs: 0, decisions: 0 };
    let erased = 0;
    for (const candidacy of candidacies) {
      const counts = await anonymiseCandidate(tx, {
        candidateId: candidacy.id,
        orgId: actor.orgId,
        keepRatings: candidate.org.keepAnonymousRatings,
        now,
      });
      // Someone else erased this candidacy between the read and the claim.
      if (!counts) continue;
      erased += 1;
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += counts[key];
      await recordActorEvent(tx, actor, "candidate.erased", ["Candidate", candidacy.id], { ...counts, candidacies: candidacies.length });
      await recordWebhookEvent(tx, { orgId: actor.orgId, type: "candidate.erased", resource: ["Candidate", candidacy.id], data: { candidateId: candidacy.id, reason: "request" } });
    }
    if (erased === 0) throw alreadyErased(now);
    const mode: AnonymisationCounts["mode"] = candidate.org.keepAnonymousRatings ? "ratings_kept" : "deleted";
    return { id: candidate.id, name: erasedCandidateName(candidate.id), anonymizedAt: now, mode, candidacies: erased, ...total };
  });
}

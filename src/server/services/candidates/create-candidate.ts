import type { CreateCandidateInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertNoCandidacy, personFor, vacancyTakingCandidates } from "./_shared/candidacy";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";

/**
 * A candidacy for an open (or on-hold) vacancy, at its first stage. The person is the organisation's one
 * with the same email when there is one (their other candidacies stay as they are), or a new one. The form's
 * fields are stored as the domain schema parsed them (trimmed, email lower-cased, blanks as null).
 */
export async function createCandidate(db: Db, actor: Actor, input: CreateCandidateInput) {
  requirePermission(actor, "candidates:write");
  const { vacancyId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const vacancy = await vacancyTakingCandidates(tx, actor.orgId, vacancyId);
    const personId = await personFor(tx, actor.orgId, fields.email);
    await assertNoCandidacy(tx, personId, vacancy);
    const candidate = await tx.candidate.create({
      data: { ...fields, orgId: actor.orgId, vacancyId: vacancy.id, stageId: vacancy.firstStageId, personId },
      select: { id: true },
    });
    // The audit log keeps no contact data: it outlives a candidate's anonymisation.
    await recordActorEvent(tx, actor, "candidate.created", ["Candidate", candidate.id], {
      vacancyId: vacancy.id,
      stageId: vacancy.firstStageId,
    });
    await recordWebhookEvent(tx, { orgId: actor.orgId, type: "candidate.created", resource: ["Candidate", candidate.id], data: { candidateId: candidate.id, vacancyId: vacancy.id } });
    return { id: candidate.id };
  });
}

import type { CandidateStatus } from "@/generated/prisma/enums";
import type { UpdateCandidateInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";
import { lockForUpdate, refuseIfChangedSince, type WritePrecondition } from "@/server/services/_shared/lock-for-update";

// Withdrawing ends the process too, so the retention period runs from it as from hiring or rejecting.
const DECISIONS: ReadonlySet<CandidateStatus> = new Set(["HIRED", "REJECTED", "WITHDRAWN"]);

/**
 * Changes a candidate. Name, email and phone are the person's, so every candidacy of theirs takes the new
 * values (one person, one record of them); notes and status are this candidacy's. A decision (hired,
 * rejected, withdrawn) stamps decidedAt, which the retention period counts from; going back to active
 * clears it. An erased candidate can't be changed: an edit could put
 * personal data back on an anonymous record. The fields are stored as the domain schema parsed them.
 * The row is locked first, so concurrent changes apply one after the other and `precondition` (the REST
 * API's If-Match) and `baseUpdatedAt` (the app's form) are checked against the state this change will replace.
 */
export async function updateCandidate(db: Db, actor: Actor, input: UpdateCandidateInput, precondition?: WritePrecondition) {
  requirePermission(actor, "candidates:write");
  const { id, status, baseUpdatedAt, ...fields } = input;
  return db.$transaction(async (tx) => {
    await lockForUpdate(tx, "Candidate", { id, orgId: actor.orgId }, precondition);
    const before = await tx.candidate.findFirst({
      where: { id, orgId: actor.orgId },
      select: { id: true, personId: true, status: true, decidedAt: true, anonymizedAt: true, updatedAt: true },
    });
    if (!before) throw notFound("Candidate");
    if (before.anonymizedAt) throw new AppError("CONFLICT", { key: "candidate.erasedCantChange" });
    refuseIfChangedSince(baseUpdatedAt, before.updatedAt, { key: "candidate.changedElsewhere" });
    const statusChanged = status !== undefined && status !== before.status;
    const decidedAt = !statusChanged ? before.decidedAt : DECISIONS.has(status) ? new Date() : null;
    const personFields = { name: fields.name, email: fields.email, phone: fields.phone };
    const updated = await tx.candidate.update({
      where: { id: before.id },
      // A field left out of the input is undefined here, which Prisma leaves as it is.
      data: { ...fields, ...(statusChanged ? { status, decidedAt } : {}) },
      select: { id: true, status: true, decidedAt: true, updatedAt: true },
    });
    const otherCandidacies = Object.values(personFields).some((value) => value !== undefined)
      ? await tx.candidate.updateMany({
          where: { personId: before.personId, id: { not: before.id }, anonymizedAt: null },
          data: personFields,
        })
      : { count: 0 };
    // Names of the changed fields only: values may be contact data.
    await recordActorEvent(tx, actor, statusChanged ? "candidate.status_changed" : "candidate.updated", ["Candidate", before.id], {
      fields: Object.keys(input).filter((k) => k !== "id" && k !== "baseUpdatedAt"),
      ...(otherCandidacies.count ? { otherCandidacies: otherCandidacies.count } : {}),
      ...(statusChanged ? { from: before.status, to: updated.status } : {}),
    });
    await recordWebhookEvent(tx, { orgId: actor.orgId, type: "candidate.updated", resource: ["Candidate", before.id], data: { candidateId: before.id, status: updated.status } });
    return updated;
  });
}

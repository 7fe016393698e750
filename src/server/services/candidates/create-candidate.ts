import type { CreateCandidateInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/** Stores the form's fields as the domain schema parsed them (trimmed, email lower-cased, blanks as null). */
export async function createCandidate(db: Db, actor: Actor, input: CreateCandidateInput) {
  requirePermission(actor, "candidates:write");
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({
      data: { ...input, orgId: actor.orgId },
      select: { id: true },
    });
    // The audit log keeps no contact data: it outlives a candidate's anonymisation.
    await recordActorEvent(tx, actor, "candidate.created", ["Candidate", candidate.id], { position: input.position });
    return { id: candidate.id };
  });
}

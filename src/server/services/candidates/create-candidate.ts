import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { blankToNull } from "./candidate-contact";

export type CreateCandidateInput = { name: string; email?: string | null; phone?: string | null; position: string; notes?: string };

export async function createCandidate(db: Db, actor: Actor, input: CreateCandidateInput) {
  requirePermission(actor, "candidates:write");
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({
      data: {
        orgId: actor.orgId,
        name: input.name.trim(),
        position: input.position.trim(),
        email: blankToNull(input.email)?.toLowerCase() ?? null,
        phone: blankToNull(input.phone),
        notes: input.notes?.trim() ?? "",
      },
      select: { id: true },
    });
    // The audit log keeps no contact data: it outlives a candidate's anonymisation.
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "candidate.created",
      entityType: "Candidate",
      entityId: candidate.id,
      data: { position: input.position.trim() },
    });
    return { id: candidate.id };
  });
}

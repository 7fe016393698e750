import type { CandidateStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { blankToNull } from "./candidate-contact";

export type UpdateCandidateInput = {
  id: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  position?: string;
  notes?: string;
  status?: CandidateStatus;
};

const DECISIONS: ReadonlySet<CandidateStatus> = new Set(["HIRED", "REJECTED"]);

/**
 * Changes a candidate. A hiring decision (hired, rejected) stamps decidedAt, which the retention period
 * counts from; going back to active or withdrawn clears it.
 */
export async function updateCandidate(db: Db, actor: Actor, input: UpdateCandidateInput) {
  requirePermission(actor, "candidates:write");
  return db.$transaction(async (tx) => {
    const before = await tx.candidate.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, status: true, decidedAt: true },
    });
    if (!before) throw notFound("Candidate");
    const statusChanged = input.status !== undefined && input.status !== before.status;
    const decidedAt = !statusChanged ? before.decidedAt : DECISIONS.has(input.status!) ? new Date() : null;
    const updated = await tx.candidate.update({
      where: { id: before.id },
      data: {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.position !== undefined ? { position: input.position.trim() } : {}),
        ...(input.email !== undefined ? { email: blankToNull(input.email)?.toLowerCase() ?? null } : {}),
        ...(input.phone !== undefined ? { phone: blankToNull(input.phone) } : {}),
        ...(input.notes !== undefined ? { notes: input.notes.trim() } : {}),
        ...(statusChanged ? { status: input.status, decidedAt } : {}),
      },
      select: { id: true, status: true, decidedAt: true, updatedAt: true },
    });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: statusChanged ? "candidate.status_changed" : "candidate.updated",
      entityType: "Candidate",
      entityId: before.id,
      // Names of the changed fields only: values may be contact data.
      data: {
        fields: Object.keys(input).filter((k) => k !== "id"),
        ...(statusChanged ? { from: before.status, to: updated.status } : {}),
      },
    });
    return updated;
  });
}

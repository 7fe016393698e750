import type { GetCandidateInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "./_shared/candidate-contact";
import { candidateDetailsSelect } from "./_shared/candidate-select";

/** One candidate with their interviews; contact data only for roles allowed to see it. */
export async function getCandidate(db: Db, actor: Actor, input: GetCandidateInput) {
  requirePermission(actor, "candidates:read");
  const candidate = await db.candidate.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: {
      ...candidateDetailsSelect,
      interviews: {
        orderBy: { scheduledAt: "desc" },
        select: {
          id: true,
          scheduledAt: true,
          status: true,
          scriptVersion: { select: { version: true, script: { select: { title: true } } } },
          _count: { select: { panel: true } },
        },
      },
    },
  });
  if (!candidate) throw notFound("Candidate");
  const { interviews, ...details } = candidate;
  return {
    ...details,
    ...visibleContact(actor, details),
    canEdit: roleHas(actor.role, "candidates:write") && !candidate.anonymizedAt,
    interviews: interviews.map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      status: i.status,
      scriptTitle: i.scriptVersion.script.title,
      scriptVersion: i.scriptVersion.version,
      panelCount: i._count.panel,
    })),
  };
}

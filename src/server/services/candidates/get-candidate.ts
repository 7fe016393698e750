import type { GetCandidateInput } from "@/lib/schemas/candidates";
import type { DbOrTx } from "@/server/db";
import { notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import { requirePermission, type Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";
import { visibleContact } from "./_shared/candidate-contact";
import { candidateDetailsSelect } from "./_shared/candidate-select";

/**
 * One candidate with their vacancy and stage, the person's other candidacies and their interviews; contact
 * data only for roles allowed to see it.
 */
export async function getCandidate(db: DbOrTx, actor: Actor, input: GetCandidateInput) {
  requirePermission(actor, "candidates:read");
  const candidate = await db.candidate.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: {
      ...candidateDetailsSelect,
      vacancy: { select: { id: true, title: true, status: true } },
      stage: { select: { id: true, name: true } },
      person: {
        select: {
          candidates: {
            where: { id: { not: input.id } },
            orderBy: { createdAt: "asc" },
            select: { id: true, vacancyId: true, status: true, vacancy: { select: { title: true } }, stage: { select: { name: true } } },
          },
        },
      },
      interviews: {
        orderBy: { scheduledAt: "desc" },
        select: {
          id: true,
          scheduledAt: true,
          status: true,
          scriptVersion: { select: { version: true, script: { select: { title: true } } } },
          stage: { select: { name: true } },
        },
      },
    },
  });
  if (!candidate) throw notFound("Candidate");
  const { interviews, person, ...details } = candidate;
  // Grouped from these interviews' panels only, not with a relation _count (see countsBy).
  const panels = await db.panelMember.groupBy({ by: ["interviewId"], where: { interviewId: { in: interviews.map((i) => i.id) } }, _count: { _all: true } });
  const panelOf = countsBy(panels, "interviewId");
  return {
    ...details,
    ...visibleContact(actor, details),
    canEdit: roleHas(actor.role, "candidates:write") && !candidate.anonymizedAt,
    otherCandidacies: person.candidates.map((c) => ({
      id: c.id,
      vacancyId: c.vacancyId,
      vacancyTitle: c.vacancy.title,
      stageName: c.stage?.name ?? null,
      status: c.status,
    })),
    interviews: interviews.map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      status: i.status,
      scriptTitle: i.scriptVersion.script.title,
      scriptVersion: i.scriptVersion.version,
      stageName: i.stage?.name ?? null,
      panelCount: panelOf(i.id),
    })),
  };
}

import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "./candidate-contact";

/** One candidate with their interviews; contact data only for roles allowed to see it. */
export async function getCandidate(db: Db, actor: Actor, input: { id: string }) {
  requirePermission(actor, "candidates:read");
  const candidate = await db.candidate.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      notes: true,
      position: true,
      status: true,
      decidedAt: true,
      anonymizedAt: true,
      createdAt: true,
      updatedAt: true,
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
  return {
    id: candidate.id,
    name: candidate.name,
    position: candidate.position,
    status: candidate.status,
    decidedAt: candidate.decidedAt,
    anonymizedAt: candidate.anonymizedAt,
    createdAt: candidate.createdAt,
    updatedAt: candidate.updatedAt,
    ...visibleContact(actor, candidate),
    canEdit: roleHas(actor.role, "candidates:write") && !candidate.anonymizedAt,
    interviews: candidate.interviews.map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      status: i.status,
      scriptTitle: i.scriptVersion.script.title,
      scriptVersion: i.scriptVersion.version,
      panelCount: i._count.panel,
    })),
  };
}

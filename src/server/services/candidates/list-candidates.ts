import type { CandidateStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "./candidate-contact";

export type ListCandidatesInput = { query?: string; position?: string; status?: CandidateStatus };

/** The organisation's candidates, most recently changed first, with how many interviews each has. */
export async function listCandidates(db: Db, actor: Actor, input: ListCandidatesInput) {
  requirePermission(actor, "candidates:read");
  const query = input.query?.trim();
  const rows = await db.candidate.findMany({
    where: {
      orgId: actor.orgId,
      ...(input.position ? { position: input.position } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(query ? { name: { contains: query, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      notes: true,
      position: true,
      status: true,
      decidedAt: true,
      updatedAt: true,
      _count: { select: { interviews: true } },
    },
  });
  return rows.map((c) => {
    const contact = visibleContact(actor, c);
    return {
      id: c.id,
      name: c.name,
      position: c.position,
      status: c.status,
      email: contact.email,
      phone: contact.phone,
      decidedAt: c.decidedAt,
      updatedAt: c.updatedAt,
      interviewCount: c._count.interviews,
    };
  });
}

/** Distinct positions the organisation hires for, for the list filter and the create form. */
export async function listCandidatePositions(db: Db, actor: Actor): Promise<string[]> {
  requirePermission(actor, "candidates:read");
  const rows = await db.candidate.groupBy({ by: ["position"], where: { orgId: actor.orgId }, orderBy: { position: "asc" } });
  return rows.map((r) => r.position);
}

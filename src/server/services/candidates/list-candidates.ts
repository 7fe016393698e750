import type { ListCandidatesInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "./_shared/candidate-contact";
import { candidateSummarySelect } from "./_shared/candidate-select";

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
    select: { ...candidateSummarySelect, _count: { select: { interviews: true } } },
  });
  return rows.map(({ _count, ...candidate }) => ({
    ...candidate,
    ...visibleContact(actor, candidate),
    interviewCount: _count.interviews,
  }));
}

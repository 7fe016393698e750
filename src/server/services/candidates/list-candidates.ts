import type { ListCandidatesInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "./_shared/candidate-contact";
import { candidateSummarySelect } from "./_shared/candidate-select";

/** The organisation's candidates, most recently changed first, with their vacancy, stage and interview count. */
export async function listCandidates(db: Db, actor: Actor, input: ListCandidatesInput) {
  requirePermission(actor, "candidates:read");
  const query = input.query?.trim();
  const rows = await db.candidate.findMany({
    where: {
      orgId: actor.orgId,
      ...(input.vacancyId ? { vacancyId: input.vacancyId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(query ? { name: { contains: query, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      ...candidateSummarySelect,
      vacancy: { select: { title: true } },
      stage: { select: { name: true } },
      _count: { select: { interviews: true } },
    },
  });
  return rows.map(({ _count, vacancy, stage, ...candidate }) => ({
    ...candidate,
    ...visibleContact(actor, candidate),
    vacancyTitle: vacancy.title,
    stageName: stage?.name ?? null,
    interviewCount: _count.interviews,
  }));
}

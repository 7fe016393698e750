import type { ListCandidatesInput } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";
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
    },
  });
  // Grouped from these candidates' interviews only, not with a relation _count (see countsBy).
  const interviews = await db.interview.groupBy({ by: ["candidateId"], where: { candidateId: { in: rows.map((c) => c.id) } }, _count: { _all: true } });
  const interviewsOf = countsBy(interviews, "candidateId");
  return rows.map(({ vacancy, stage, ...candidate }) => ({
    ...candidate,
    ...visibleContact(actor, candidate),
    vacancyTitle: vacancy.title,
    stageName: stage?.name ?? null,
    interviewCount: interviewsOf(candidate.id),
  }));
}

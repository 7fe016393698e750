import type { CandidateVacancyOption } from "@/lib/schemas/candidates";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/**
 * The organisation's vacancies by title, for the candidate list's filter (all of them) and the candidate
 * forms (which offer the OPEN and ON_HOLD ones).
 */
export async function listCandidateVacancies(db: Db, actor: Actor): Promise<CandidateVacancyOption[]> {
  requirePermission(actor, "candidates:read");
  return db.vacancy.findMany({
    where: { orgId: actor.orgId },
    orderBy: [{ title: "asc" }, { createdAt: "asc" }],
    take: 1000,
    select: { id: true, title: true, status: true },
  });
}

// Candidates per vacancy and status, counting only those within the actor's scope (the access rule's
// candidateInScope: HR and admins the organisation, a hiring manager their vacancies' and scripts'
// candidates), so a vacancy's counts always match the cards its pipeline shows the same person.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { CandidateCounts } from "@/lib/schemas/vacancies";
import { candidateInScope, offPanelScope } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";

const countRowSchema = z.object({
  vacancyId: z.string(),
  status: z.enum(["ACTIVE", "HIRED", "RESERVE", "REJECTED", "WITHDRAWN"]),
  n: z.number().int(),
});

export const noCandidates = (): CandidateCounts => ({ total: 0, ACTIVE: 0, HIRED: 0, RESERVE: 0, REJECTED: 0, WITHDRAWN: 0 });

/** Whether the actor's counts leave out candidates outside their scope. */
export const countsAreScoped = (actor: Actor) => offPanelScope(actor.role) !== "organisation";

/** Counts per vacancy (all of the organisation's, or the one given); vacancies without candidates are absent. */
export async function candidateCounts(db: Db | Prisma.TransactionClient, actor: Actor, vacancyId?: string): Promise<Map<string, CandidateCounts>> {
  const raw = await db.$queryRaw`
    SELECT c."vacancyId", c."status"::text AS "status", count(*)::int AS "n"
    FROM "Candidate" c
    WHERE c."orgId" = ${actor.orgId}
      ${vacancyId === undefined ? Prisma.empty : Prisma.sql`AND c."vacancyId" = ${vacancyId}`}
      AND ${candidateInScope(actor)}
    GROUP BY c."vacancyId", c."status"`;
  const counts = new Map<string, CandidateCounts>();
  for (const row of checkedRows(countRowSchema, raw)) {
    const entry = counts.get(row.vacancyId) ?? noCandidates();
    entry[row.status] += row.n;
    entry.total += row.n;
    counts.set(row.vacancyId, entry);
  }
  return counts;
}

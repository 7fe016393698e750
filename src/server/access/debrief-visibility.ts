// Who reads and who chairs a debrief. Reading is the one rule in ./scorecard-visibility.ts (debriefVisibleTo:
// a pending seat at the stage hides the debrief whatever the role; otherwise the role's off-panel scope, or
// a submitted seat at that stage). Chairing is narrower: the vacancy's hiring managers, and admins.
import { Prisma } from "@/generated/prisma/client";
import { roleHas } from "@/server/auth/permissions";
import type { ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { debriefVisibleTo } from "./scorecard-visibility";

export { debriefVisibleTo };

/** The debrief `d` (its candidate and stage) may be read by the actor, in the actor's organisation. */
export function debriefRowVisibleTo(actor: Actor, d: Prisma.Sql = Prisma.raw("d")): Prisma.Sql {
  return Prisma.sql`(${d}."orgId" = ${actor.orgId} AND ${debriefVisibleTo(actor, Prisma.sql`${d}."candidateId"`, Prisma.sql`${d}."stageId"`)})`;
}

/** Whether the actor chairs the debriefs of the vacancy (an SQL expression for its id). */
export function chairsVacancy(actor: Actor, vacancyId: Prisma.Sql): Prisma.Sql {
  if (!roleHas(actor.role, "debriefs:chair")) return Prisma.sql`FALSE`;
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "VacancyManager" cvm WHERE cvm."vacancyId" = ${vacancyId} AND cvm."userId" = ${actor.userId})`;
}

export const CHAIRS_ONLY: ErrorText = { key: "debrief.chairsOnly" };

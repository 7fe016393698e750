import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/services/actor";

/** Banks an organisation can see: the built-in ones and its own. Put inside every bank query. */
export const visibleBankWhere = (actor: Actor): Prisma.QuestionBankWhereInput => ({
  OR: [{ orgId: null }, { orgId: actor.orgId }],
});

export const visibleCompetencyWhere = (actor: Actor): Prisma.CompetencyWhereInput => ({
  OR: [{ orgId: null }, { orgId: actor.orgId }],
  archived: false,
});

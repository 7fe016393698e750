import type { OwnRefresher } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { loadCompetencyNames } from "@/server/services/insights/script-weights";
import { describeDrift } from "./drift-rules";
import { REFRESHER_INTERVAL_DAYS } from "./suggest-refreshers";

/**
 * The actor's latest refresher from drift, suggested in the last REFRESHER_INTERVAL_DAYS, for the training page:
 * what was seen in their live ratings, the competencies it aims at, and whether they have finished a practice
 * session since. Read by the member alone (it is about them); email is only one way of hearing of it.
 */
export async function getOwnRefresher(db: Db, actor: Actor, now = new Date()): Promise<OwnRefresher> {
  const refresher = await db.practiceRefresher.findFirst({
    where: { orgId: actor.orgId, userId: actor.userId, createdAt: { gt: new Date(now.getTime() - REFRESHER_INTERVAL_DAYS * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, reasons: true, leniencyOffset: true, ratings: true, levelsUsed: true, competencyIds: true },
  });
  if (!refresher) return null;
  const [names, practised] = await Promise.all([
    loadCompetencyNames(db, refresher.competencyIds),
    db.practiceSession.findFirst({
      where: { orgId: actor.orgId, userId: actor.userId, status: "COMPLETED", completedAt: { gte: refresher.createdAt } },
      orderBy: { completedAt: "desc" },
      select: { completedAt: true },
    }),
  ]);
  return {
    suggestedAt: refresher.createdAt,
    findings: describeDrift(refresher, "you"),
    drift: { reasons: refresher.reasons, leniencyOffset: refresher.leniencyOffset, ratings: refresher.ratings, levelsUsed: refresher.levelsUsed },
    competencies: refresher.competencyIds.flatMap((id) => {
      const found = names.get(id);
      return found ? [{ id, name: found.name }] : [];
    }),
    practisedAt: practised?.completedAt ?? null,
  };
}

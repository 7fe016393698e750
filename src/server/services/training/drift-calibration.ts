// What the calibration page shows per panelist beside their live leniency: whether their ratings on the page
// drifted by the organisation's thresholds (with n), their last practice session's accuracy (theirs, HR's and
// admins' to see), and when a refresher was last suggested to them.
import type { PanelistTraining } from "@/lib/schemas/readiness";
import type { RaterLeniencySums } from "@/lib/statistics/leniency";
import type { Db } from "@/server/db";
import { seesPracticeResultsOf } from "@/server/access/practice-visibility";
import type { Actor } from "@/server/services/actor";
import type { CompetencyNames } from "@/server/services/insights/script-weights";
import { describeDrift, measureDrift, type LevelCounts } from "./drift-rules";

/** The organisation's drift thresholds and each member's last practice session and refresher: asked for at once with calibration's own queries. */
export async function loadTrainingContext(db: Db, actor: Actor) {
  const [org, sessions, refreshers] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { driftLeniencyThreshold: true, driftMinRatings: true } }),
    db.practiceSession.findMany({
      where: { orgId: actor.orgId, status: "COMPLETED", completedAt: { not: null }, meanAbsDiff: { not: null } },
      distinct: ["userId"],
      orderBy: [{ userId: "asc" }, { completedAt: "desc" }],
      select: { userId: true, completedAt: true, meanAbsDiff: true, bias: true, scriptVersion: { select: { script: { select: { title: true } } } } },
    }),
    db.practiceRefresher.findMany({
      where: { orgId: actor.orgId },
      distinct: ["userId"],
      orderBy: [{ userId: "asc" }, { createdAt: "desc" }],
      select: { userId: true, createdAt: true },
    }),
  ]);
  return { org, sessions, refreshers };
}

export type TrainingContext = Awaited<ReturnType<typeof loadTrainingContext>>;

/** Each panelist's training column; `names` holds every competency the organisation may rate (loadVisibleCompetencyNames). */
export function calibrationTraining(
  actor: Actor,
  context: TrainingContext,
  panelists: readonly LevelCounts[],
  leniency: readonly RaterLeniencySums[],
  names: CompetencyNames,
): Map<string, PanelistTraining> {
  const { org, sessions, refreshers } = context;
  const drift = measureDrift(panelists, leniency, org);
  const lastSession = new Map(sessions.map((s) => [s.userId, s]));
  const lastRefresher = new Map(refreshers.map((r) => [r.userId, r.createdAt]));

  const result = new Map<string, PanelistTraining>();
  for (const { userId } of panelists) {
    const measure = drift.get(userId)!;
    const visible = seesPracticeResultsOf(actor, userId);
    const session = visible ? lastSession.get(userId) : undefined;
    result.set(userId, {
      drift: {
        reasons: measure.reasons,
        text: describeDrift(measure),
        leniencyOffset: measure.leniencyOffset,
        ratings: measure.ratings,
        levelsUsed: measure.levelsUsed,
        competencyIds: measure.competencyIds,
        competencies: measure.competencyIds.flatMap((id) => names.get(id)?.name ?? []),
      },
      practice:
        session?.completedAt && session.meanAbsDiff !== null
          ? { completedAt: session.completedAt, scriptTitle: session.scriptVersion.script.title, meanAbsDiff: session.meanAbsDiff, bias: session.bias }
          : null,
      practiceHidden: !visible,
      lastRefresherAt: visible ? (lastRefresher.get(userId) ?? null) : null,
    });
  }
  return result;
}

// The drift-refreshers task (daily from the crontab): for every organisation with submitted scorecards in the
// window, calibration's figures flag panelists whose ratings drifted, and each gets a practice refresher at
// most once per 30 days (emailed when email is set up). See services/training/drift-check.ts.
import type { Task } from "graphile-worker";
import { db } from "@/server/db";
import { logger } from "@/server/log/logger";
import { DRIFT_WINDOW_DAYS, driftJobActor, runDriftCheck } from "@/server/services/training/drift-check";

export async function runDriftRefreshers(now = new Date()): Promise<{ organisations: number; suggested: number }> {
  const since = new Date(now.getTime() - DRIFT_WINDOW_DAYS * 86_400_000);
  const orgs = await db().organization.findMany({
    where: { interviews: { some: { scheduledAt: { gte: since }, scorecards: { some: { status: "SUBMITTED" } } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let suggested = 0;
  for (const org of orgs) {
    const check = await runDriftCheck(db(), driftJobActor(org.id), null, now);
    suggested += check.flagged.filter((f) => f.refresher !== "RECENT").length;
  }
  return { organisations: orgs.length, suggested };
}

export const driftRefreshersTask: Task = async () => {
  const { organisations, suggested } = await runDriftRefreshers();
  if (suggested) logger.info({ organisations, suggested }, "drift: practice refreshers suggested");
};

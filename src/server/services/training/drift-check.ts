// Refreshers from drift: calibration's figures over the last DRIFT_WINDOW_DAYS flag panelists whose live
// ratings drifted (drift-rules.ts), and each flagged member gets a refresher suggested (recorded, audited and
// emailed when email is set up) at most once per REFRESHER_INTERVAL_DAYS. Run daily for every organisation by
// the drift-refreshers job, and on demand by HR and admins (their own view of calibration).
import type { DriftCheck } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { queueNotification } from "@/server/jobs/send-email-job";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { getCalibration, type Calibration } from "@/server/services/insights/get-calibration";

export const DRIFT_WINDOW_DAYS = 180;
export const REFRESHER_INTERVAL_DAYS = 30;
const DAY_MS = 86_400_000;

/** Calibration as the drift job reads it: the whole organisation's submitted scorecards, as an admin off every panel would. */
export function driftJobActor(orgId: string): Actor {
  return { userId: "system:drift-refreshers", orgId, role: "ADMIN" };
}

/** The on-demand check (HR and admins): what they see in calibration over the window. */
export async function checkDrift(db: Db, actor: Actor): Promise<DriftCheck> {
  requirePermission(actor, "training:manage");
  return runDriftCheck(db, actor, actor);
}

/**
 * Flags and suggests for one organisation: `viewer` decides which scorecards calibration reads, `by` is who
 * asked (null: the job), recorded in the audit log.
 */
export async function runDriftCheck(db: Db, viewer: Actor, by: Actor | null, now = new Date()): Promise<DriftCheck> {
  const calibration = await getCalibration(db, viewer, { from: new Date(now.getTime() - DRIFT_WINDOW_DAYS * DAY_MS) });
  const flagged: DriftCheck["flagged"] = [];
  for (const panelist of calibration.panelists) {
    if (panelist.training.drift.reasons.length === 0) continue;
    const outcome = await suggestRefresher(db, viewer.orgId, panelist, by, now);
    if (!outcome) continue; // no longer a member
    flagged.push({
      userId: panelist.userId,
      name: panelist.name,
      reasons: panelist.training.drift.reasons,
      leniencyOffset: panelist.leniencyOffset,
      ratings: panelist.training.drift.ratings,
      levelsUsed: panelist.training.drift.levelsUsed,
      competencies: panelist.training.drift.competencies,
      ...outcome,
    });
  }
  return { flagged, windowDays: DRIFT_WINDOW_DAYS };
}

type Outcome = { refresher: DriftCheck["flagged"][number]["refresher"]; lastRefresherAt: Date };

/**
 * One refresher for a flagged member unless one was suggested in the last REFRESHER_INTERVAL_DAYS. A lock on
 * the member keeps two checks at once (the job on two instances, an HR click) to one refresher.
 */
async function suggestRefresher(db: Db, orgId: string, panelist: Calibration["panelists"][number], by: Actor | null, now: Date): Promise<Outcome | null> {
  const drift = panelist.training.drift;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`practice-refresher:${orgId}:${panelist.userId}`}, 0))`;
    const member = await tx.membership.findFirst({ where: { orgId, userId: panelist.userId }, select: { id: true } });
    if (!member) return null;
    const recent = await tx.practiceRefresher.findFirst({
      where: { orgId, userId: panelist.userId, createdAt: { gt: new Date(now.getTime() - REFRESHER_INTERVAL_DAYS * DAY_MS) } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (recent) return { refresher: "RECENT", lastRefresherAt: recent.createdAt };
    const refresher = await tx.practiceRefresher.create({
      data: {
        orgId,
        userId: panelist.userId,
        reasons: drift.reasons,
        leniencyOffset: panelist.leniencyOffset,
        ratings: drift.ratings,
        levelsUsed: drift.levelsUsed,
        competencyIds: drift.competencyIds,
        createdAt: now,
      },
      select: { id: true },
    });
    const emailed = await queueNotification(tx, { kind: "practice-refresher", orgId, userId: panelist.userId, refresherId: refresher.id });
    if (emailed) await tx.practiceRefresher.update({ where: { id: refresher.id }, data: { emailedAt: now } });
    await recordAuditEvent(tx, {
      orgId,
      actorId: by?.userId ?? null,
      action: "practice_refresher.suggested",
      entityType: "PracticeRefresher",
      entityId: refresher.id,
      data: { userId: panelist.userId, reasons: drift.reasons, ratings: drift.ratings, competencyIds: drift.competencyIds, emailed },
    });
    return { refresher: emailed ? "EMAILED" : "SUGGESTED", lastRefresherAt: now };
  });
}

// Refreshers from drift, without the email queue: calibration's figures over the last DRIFT_WINDOW_DAYS flag
// panelists whose live ratings drifted (drift-rules.ts), and each flagged member gets a refresher suggested
// (recorded, audited, and handed to `notify`) at most once per REFRESHER_INTERVAL_DAYS. drift-check.ts wires
// `notify` to the email queue for the daily job and HR's check; the demo seed passes one that sends nothing.
import type { Prisma } from "@/generated/prisma/client";
import type { DriftCheck } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import type { Notification } from "@/server/email/notification";
import type { Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { getCalibration, type Calibration } from "@/server/services/insights/get-calibration";

export const DRIFT_WINDOW_DAYS = 180;
export const REFRESHER_INTERVAL_DAYS = 30;
const DAY_MS = 86_400_000;

/** Queues the refresher's notification in the transaction; whether it will be emailed. */
export type RefresherNotifier = (tx: Prisma.TransactionClient, notification: Notification) => Promise<boolean>;

/** Calibration as the drift job reads it: the whole organisation's submitted scorecards, as an admin off every panel would. */
export function driftJobActor(orgId: string): Actor {
  return { userId: "system:drift-refreshers", orgId, role: "ADMIN" };
}

/**
 * Flags and suggests for one organisation: `viewer` decides which scorecards calibration reads, `by` is who
 * asked (null: the job or the demo seed), recorded in the audit log.
 */
export async function suggestRefreshers(
  db: Db,
  viewer: Actor,
  by: Actor | null,
  notify: RefresherNotifier,
  now = new Date(),
): Promise<DriftCheck> {
  const calibration = await getCalibration(db, viewer, { from: new Date(now.getTime() - DRIFT_WINDOW_DAYS * DAY_MS) });
  const flagged: DriftCheck["flagged"] = [];
  for (const panelist of calibration.panelists) {
    if (panelist.training.drift.reasons.length === 0) continue;
    const outcome = await suggestRefresher(db, viewer.orgId, panelist, by, notify, now);
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
async function suggestRefresher(
  db: Db,
  orgId: string,
  panelist: Calibration["panelists"][number],
  by: Actor | null,
  notify: RefresherNotifier,
  now: Date,
): Promise<Outcome | null> {
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
    const emailed = await notify(tx, { kind: "practice-refresher", orgId, userId: panelist.userId, refresherId: refresher.id });
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

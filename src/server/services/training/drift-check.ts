// Refreshers from drift, emailed: the daily drift-refreshers job (every organisation) and HR's and admins'
// on-demand check (their own view of calibration) suggest refreshers (suggest-refreshers.ts) and queue each
// one's email through the notification queue when email is set up.
import type { DriftCheck } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { queueNotification } from "@/server/jobs/send-email-job";
import { requirePermission, type Actor } from "@/server/services/actor";
import { suggestRefreshers } from "./suggest-refreshers";

export { DRIFT_WINDOW_DAYS, REFRESHER_INTERVAL_DAYS, driftJobActor } from "./suggest-refreshers";

/** The on-demand check (HR and admins): what they see in calibration over the window. */
export async function checkDrift(db: Db, actor: Actor): Promise<DriftCheck> {
  requirePermission(actor, "training:manage");
  return runDriftCheck(db, actor, actor);
}

/** Flags and suggests for one organisation, emailing each new refresher when email is set up. */
export async function runDriftCheck(db: Db, viewer: Actor, by: Actor | null, now = new Date()): Promise<DriftCheck> {
  return suggestRefreshers(db, viewer, by, queueNotification, now);
}

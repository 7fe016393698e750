// The demo's refreshers from drift: what the daily drift-refreshers job would suggest on the demo's scorecards
// (its lenient interviewer, and any other panelist calibration flags), suggested once when the demo is
// seeded so the story runs from the start: a refresher on /training, practice, and the practice accuracy
// beside live leniency on the calibration page. Nothing is emailed (demo addresses are invented).
import type { Db } from "@/server/db";
import { driftJobActor, suggestRefreshers } from "@/server/services/training/suggest-refreshers";

const sendNothing = async () => false;

/** Suggests the demo organisation's refreshers; returns how many were suggested. */
export async function seedDemoRefreshers(db: Db, orgId: string): Promise<number> {
  const check = await suggestRefreshers(db, driftJobActor(orgId), null, sendNothing);
  return check.flagged.filter((f) => f.refresher !== "RECENT").length;
}

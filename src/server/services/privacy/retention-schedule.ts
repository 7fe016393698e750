// Runs the retention policy once soon after the server starts and then every hour, in each app instance
// (applyRetention is safe to run concurrently: each candidate is claimed by a conditional update).
import { db } from "@/server/db";
import { applyRetention } from "./apply-retention";

const EVERY_MS = 60 * 60_000;
const FIRST_RUN_AFTER_MS = 5_000;
let started = false;

export function startRetentionSchedule() {
  // `next build` loads the app to collect page data; there is no database to clean then.
  if (started || process.env.NEXT_PHASE === "phase-production-build") return;
  started = true;
  const run = () =>
    applyRetention(db())
      .then(({ anonymised }) => {
        if (anonymised) console.log(`[retention] anonymised ${anonymised} candidate(s) past their organisation's retention period`);
      })
      .catch((error: unknown) => console.error("[retention] run failed:", (error as Error).message));
  setTimeout(run, FIRST_RUN_AFTER_MS).unref();
  setInterval(run, EVERY_MS).unref();
}

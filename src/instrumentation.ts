// Next.js calls register() once when a server instance starts: background work that belongs to the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A production server without a proper session secret refuses to start (src/env.ts says why). Next.js
  // would otherwise keep running and answer every request with a bare 500.
  const { productionSecretProblem } = await import("./env");
  const secretProblem = productionSecretProblem();
  if (secretProblem) {
    console.error(`[panelkit] Not starting: ${secretProblem}`);
    process.exit(1);
  }
  const { startReminderSchedule } = await import("./server/services/interviews/reminder-schedule");
  startReminderSchedule();
  const { startRetentionSchedule } = await import("./server/services/privacy/retention-schedule");
  startRetentionSchedule();
}

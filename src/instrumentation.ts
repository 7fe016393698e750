// Next.js calls register() once when a server instance starts: background work that belongs to the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A production server without a proper session secret refuses to start (src/env.ts says why). Next.js
  // would otherwise keep running and answer every request with a bare 500.
  const { productionSecretProblem } = await import("./env");
  const secretProblem = productionSecretProblem();
  if (secretProblem) {
    const { logger } = await import("./server/log/logger");
    logger.fatal(`Not starting: ${secretProblem}`);
    process.exit(1);
  }
  // `next build` loads the app to collect page data; there is no database and no work to run then.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Reminders, retention and emails run as jobs on the PostgreSQL queue (src/server/jobs).
  const { startAppJobs } = await import("./server/jobs/start-job-runner");
  void startAppJobs();
}

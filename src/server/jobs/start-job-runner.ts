// Runs the job queue in this app instance: graphile-worker on the app's PostgreSQL, listening for new
// jobs (LISTEN/NOTIFY) and polling for retries that come due. Every instance runs one; a job is locked by
// the instance that takes it, so it runs once however many instances there are.
import { EventEmitter } from "node:events";
import { Logger, parseCrontab, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { directDatabaseUrl, serverEnv } from "@/env";
import { errorFields, logger, withoutEmails } from "@/server/log/logger";
import { jobMetrics } from "@/server/metrics/registry";
import { JOB } from "./job-names";
import { CRONTAB, TASKS } from "./task-list";

/**
 * graphile-worker's log lines, as ours: the first line of the message only (its metadata holds job
 * payloads; the rest is a stack), addresses blanked. Its info lines (one per job done) are our debug.
 */
const queueLogger = new Logger((scope) => (level, message) => {
  const line = { component: "jobs", task: scope.taskIdentifier, jobId: scope.jobId };
  const text = withoutEmails(message.split("\n")[0] ?? "");
  if (level === "error") logger.error(line, text);
  else if (level === "warning") logger.warn(line, text);
  else logger.debug(line, text);
});

export type JobRunnerOptions = {
  connectionString?: string;
  taskList?: TaskList;
  crontab?: string;
  concurrency?: number;
  /** How often to look for retries that came due; new jobs arrive at once by LISTEN/NOTIFY. */
  pollInterval?: number;
};

export async function startJobRunner(options: JobRunnerOptions = {}): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker logs each failed attempt itself (through queueLogger).
  events.on("job:error", ({ job }) => jobMetrics().failures.inc({ task: job.task_identifier, final: "false" }));
  events.on("job:failed", ({ job }) => jobMetrics().failures.inc({ task: job.task_identifier, final: "true" }));
  events.on("job:success", ({ job }) => jobMetrics().completed.inc({ task: job.task_identifier }));
  const runner = await run({
    connectionString: options.connectionString ?? directDatabaseUrl(),
    taskList: options.taskList ?? TASKS,
    // Parsed here: an empty crontab string would make graphile-worker look for a crontab file instead.
    parsedCronItems: parseCrontab(options.crontab ?? CRONTAB),
    concurrency: options.concurrency ?? Number(serverEnv().JOB_CONCURRENCY),
    pollInterval: options.pollInterval ?? 2_000,
    maxPoolSize: 4,
    noHandleSignals: true,
    logger: queueLogger,
    events,
  });
  return runner;
}

const globalForJobs = globalThis as unknown as { panelkitJobRunner?: Promise<Runner | null> };

/**
 * Starts this process's runner once (src/instrumentation.ts calls it when the server starts) and queues a
 * retention run, so an instance that was down catches up at once; the job key keeps that to one run
 * however many instances start together.
 */
export function startAppJobs(): Promise<Runner | null> {
  globalForJobs.panelkitJobRunner ??= startJobRunner()
    .then(async (runner) => {
      // The runner ends only on a fatal error (say, its schema is newer than this code): log it and start again.
      runner.promise.catch((error: unknown) => {
        logger.error({ component: "jobs", ...errorFields(error) }, "job queue stopped; restarting it in 15 s");
        globalForJobs.panelkitJobRunner = undefined;
        setTimeout(() => void startAppJobs(), 15_000).unref();
      });
      await runner.addJob(JOB.applyRetention, {}, { jobKey: "apply-retention:on-start", runAt: new Date(Date.now() + 5_000) });
      logger.info({ component: "jobs" }, "job queue started");
      return runner;
    })
    .catch((error: unknown) => {
      logger.error({ component: "jobs", ...errorFields(error) }, "job queue failed to start; background work is not running");
      globalForJobs.panelkitJobRunner = undefined;
      // Say, the database is not up yet: try again rather than run without background work.
      setTimeout(() => void startAppJobs(), 15_000).unref();
      return null;
    });
  return globalForJobs.panelkitJobRunner;
}

/** Lets running jobs finish (SIGTERM); a job cut off by a crash is retried once its lock expires. */
export async function stopAppJobs(): Promise<void> {
  const runner = await globalForJobs.panelkitJobRunner;
  globalForJobs.panelkitJobRunner = undefined;
  await runner?.stop().catch(() => undefined);
}

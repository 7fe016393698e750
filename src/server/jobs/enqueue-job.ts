// Puts a job on the PostgreSQL queue (graphile-worker's schema) with plain SQL, so a service can enqueue in
// the same transaction as the change the job is about: the job exists exactly when the change committed.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export type JobOptions = {
  /** One queued job per key: enqueuing again replaces the waiting job (its payload and run time). */
  jobKey?: string;
  maxAttempts?: number;
  runAt?: Date;
};

export async function enqueueJob(db: Db | Prisma.TransactionClient, task: string, payload: object, options: JobOptions = {}) {
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    payload := ${JSON.stringify(payload)}::json,
    run_at := ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts := ${options.maxAttempts ?? null}::int,
    job_key := ${options.jobKey ?? null}::text)`;
}

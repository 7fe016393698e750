// The job queue as an organisation's admins see it: their organisation's jobs (emails) and the system's
// periodic jobs (reminders, retention), waiting, running, retrying or failed with the reason. Never the
// payload: it holds ids and an invitation's token. Completed jobs leave the queue, so they are not listed.
import { z } from "zod";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

export const JOB_STATES = ["queued", "scheduled", "running", "retrying", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export type JobRow = {
  id: string;
  task: string;
  /** The notification kind for emails ("invitation", "interview-changed", …); null for other tasks. */
  kind: string | null;
  scope: "organisation" | "system";
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
  /** The last attempt's error, first line only. */
  lastError: string | null;
};

const LIMIT = 200;

/** A row as the query below answers it, checked; the id (a bigint) becomes text. */
const jobRowSchema = z.object({
  id: z.bigint().transform((id) => id.toString()),
  task: z.string(),
  kind: z.string().nullable(),
  scope: z.enum(["organisation", "system"]),
  state: z.enum(JOB_STATES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.date(),
  createdAt: z.date(),
  lastError: z.string().nullable(),
}) satisfies z.ZodType<JobRow, unknown>;

export async function listJobs(db: Db, actor: Actor): Promise<{ jobs: JobRow[]; counts: Record<JobState, number> }> {
  requirePermission(actor, "audit:read");
  const raw = await db.$queryRaw`
    SELECT j.id, t.identifier AS task, j.payload->>'kind' AS kind,
      CASE WHEN j.payload::jsonb ? 'orgId' THEN 'organisation' ELSE 'system' END AS scope,
      CASE WHEN j.attempts >= j.max_attempts THEN 'failed'
           WHEN j.locked_at IS NOT NULL THEN 'running'
           WHEN j.attempts > 0 THEN 'retrying'
           WHEN j.run_at > now() THEN 'scheduled'
           ELSE 'queued' END AS state,
      j.attempts::int, j.max_attempts::int AS "maxAttempts", j.run_at AS "runAt", j.created_at AS "createdAt",
      split_part(j.last_error, E'\n', 1) AS "lastError"
    -- The payload is only in the library's private table (its public view leaves it out).
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'orgId' = ${actor.orgId} OR NOT (j.payload::jsonb ? 'orgId')
    ORDER BY (j.attempts >= j.max_attempts) DESC, j.run_at DESC
    LIMIT ${LIMIT}`;
  const jobs = jobRowSchema.array().parse(raw);
  const counts: Record<JobState, number> = { queued: 0, scheduled: 0, running: 0, retrying: 0, failed: 0 };
  for (const job of jobs) counts[job.state]++;
  return { jobs, counts };
}

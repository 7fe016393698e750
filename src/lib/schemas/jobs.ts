// The background jobs page (admins). Zod only.
import { z } from "./zod";

export const jobStateSchema = z.enum(["queued", "scheduled", "running", "retrying", "failed"]);

/** Allow-list: a job's payload holds ids and an invitation's token, so only these columns leave the server. */
export const jobListSchema = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      task: z.string(),
      kind: z.string().nullable(),
      scope: z.enum(["organisation", "system"]),
      state: jobStateSchema,
      attempts: z.number(),
      maxAttempts: z.number(),
      runAt: z.date(),
      createdAt: z.date(),
      lastError: z.string().nullable(),
    }),
  ),
  counts: z.record(jobStateSchema, z.number()),
});

// Background jobs (emails, reminders, retention) for admins: what waits, what runs, what failed and why.
import { z } from "zod";
import { listJobs } from "@/server/jobs/list-jobs";
import { createTRPCRouter, orgProcedure } from "../trpc";

const state = z.enum(["queued", "scheduled", "running", "retrying", "failed"]);

export const jobsRouter = createTRPCRouter({
  list: orgProcedure("audit:read")
    .output(
      z.object({
        jobs: z.array(
          z.object({
            id: z.string(),
            task: z.string(),
            kind: z.string().nullable(),
            scope: z.enum(["organisation", "system"]),
            state,
            attempts: z.number(),
            maxAttempts: z.number(),
            runAt: z.date(),
            createdAt: z.date(),
            lastError: z.string().nullable(),
          }),
        ),
        counts: z.record(state, z.number()),
      }),
    )
    .query(({ ctx }) => listJobs(ctx.db, ctx.actor)),
});

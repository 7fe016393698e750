// Background jobs (emails, reminders, retention) for admins: what waits, what runs, what failed and why.
import { jobListSchema } from "@/lib/schemas/jobs";
import { listJobs } from "@/server/jobs/list-jobs";
import { withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const jobsRouter = createTRPCRouter({
  list: orgProcedure("audit:read").output(jobListSchema).query(withActorNoInput(listJobs)),
});

// The PostgreSQL job queue (graphile-worker) as the app runs it: real workers on the test database.
import { randomUUID } from "node:crypto";
import type { Runner, Task } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { startJobRunner } from "@/server/jobs/start-job-runner";
import { callerFor, createOrganization } from "./factories";
import { until } from "./wait-until";

const runners: Runner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

/** A worker of this process with only the given tasks, no crontab, quick to notice retries. */
async function worker(tasks: Record<string, Task>, concurrency = 2) {
  const runner = await startJobRunner({ taskList: tasks, crontab: "", concurrency, pollInterval: 200 });
  runners.push(runner);
  return runner;
}

const taskName = (label: string) => `test-${label}-${randomUUID().slice(0, 8)}`;

describe("the job queue", () => {
  it("runs a job queued while no worker was running, once a worker starts (as after an app restart)", async () => {
    const task = taskName("echo");
    await enqueueJob(db(), task, { n: 42 });
    const seen: unknown[] = [];
    await worker({ [task]: async (payload) => void seen.push(payload) });
    await until(() => seen.length, (n) => n === 1);
    expect(seen).toEqual([{ n: 42 }]);
    // Done jobs leave the queue.
    const left = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${task}`;
    expect(left[0]!.n).toBe(0);
  });

  it("runs each job exactly once with two workers (two app instances) on one database", async () => {
    const task = taskName("count");
    const runs = new Map<number, string[]>();
    const slowly = (who: string): Task => async (payload) => {
      const { n } = payload as { n: number };
      runs.set(n, [...(runs.get(n) ?? []), who]);
      await new Promise((r) => setTimeout(r, 20));
    };
    await worker({ [task]: slowly("A") });
    await worker({ [task]: slowly("B") });
    for (let n = 0; n < 40; n++) await enqueueJob(db(), task, { n });
    await until(() => runs.size, (size) => size === 40);
    await new Promise((r) => setTimeout(r, 500)); // time for any duplicate run to show up
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
    const workers = new Set([...runs.values()].flat());
    console.log(`[job-queue] 40 jobs, 2 workers: each ran once; workers used: ${[...workers].sort().join(", ")}`);
  });

  it("retries a failing job with backoff, then keeps it as failed with its reason, shown to admins only", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HR"]);
    const task = taskName("fail");
    const attempts: number[] = [];
    await worker({
      [task]: async (_payload, helpers) => {
        attempts.push(Date.now());
        throw new Error(`the mail server said no (attempt ${helpers.job.attempts})`);
      },
    });
    await enqueueJob(db(), task, { orgId: org.id }, { maxAttempts: 2 });
    const admin = callerFor(members.ADMIN.userId);
    const failed = await until(
      async () => (await admin.jobs.list()).jobs.find((j) => j.task === task),
      (job) => job?.state === "failed",
    );
    expect(attempts).toHaveLength(2);
    // graphile-worker waits e^1 ≈ 2.7 s before the second attempt.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThan(2_000);
    expect(failed).toMatchObject({ state: "failed", attempts: 2, maxAttempts: 2, scope: "organisation", lastError: "the mail server said no (attempt 2)" });
    const { counts } = await admin.jobs.list();
    expect(counts.failed).toBeGreaterThanOrEqual(1);
    await expect(callerFor(members.HR.userId).jobs.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another organisation's admin does not see it.
    const other = await createOrganization(["ADMIN"]);
    expect((await callerFor(other.members.ADMIN.userId).jobs.list()).jobs.find((j) => j.task === task)).toBeUndefined();
  });
});

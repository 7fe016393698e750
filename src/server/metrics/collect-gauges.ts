// Gauges read when Prometheus scrapes, not kept up to date on every change: the job queue's depth by task
// and state (one query over the queue's table) and the database pool's use.
import client from "prom-client";
import { db, dbPoolUse } from "@/server/db";
import { metrics } from "./registry";

type QueueRow = { task: string; state: string; jobs: number };

const globalForGauges = globalThis as unknown as { panelkitGauges?: true };

export async function readQueueDepth(): Promise<QueueRow[]> {
  return db().$queryRaw<QueueRow[]>`
    SELECT task_identifier AS task,
      CASE WHEN attempts >= max_attempts THEN 'failed'
           WHEN locked_at IS NOT NULL THEN 'running'
           WHEN attempts > 0 THEN 'retrying'
           WHEN run_at > now() THEN 'scheduled'
           ELSE 'queued' END AS state,
      count(*)::int AS jobs
    FROM graphile_worker.jobs GROUP BY 1, 2`;
}

/** Registers the scrape-time gauges once per process. */
export function registerScrapeGauges() {
  if (globalForGauges.panelkitGauges) return;
  globalForGauges.panelkitGauges = true;
  const { registry } = metrics();
  new client.Gauge({
    name: "panelkit_jobs",
    help: "Jobs in the queue by task and state (queued, scheduled, running, retrying, failed: out of attempts).",
    labelNames: ["task", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await readQueueDepth().catch(() => [])) this.set({ task: row.task, state: row.state }, row.jobs);
    },
  });
  new client.Gauge({
    name: "panelkit_db_pool_connections",
    help: "The app's database pool: connections open (total), idle, and queries waiting for a connection.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const use = dbPoolUse();
      if (!use) return;
      this.set({ state: "total" }, use.total);
      this.set({ state: "idle" }, use.idle);
      this.set({ state: "waiting" }, use.waiting);
    },
  });
}

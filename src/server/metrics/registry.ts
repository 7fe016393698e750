// The Prometheus metrics of this process (prom-client). Kept on globalThis: the API server and Next.js's
// route handlers load this module separately, and both must count into the one registry /api/metrics reads.
import client from "prom-client";

type Metrics = {
  registry: client.Registry;
  procedureSeconds: client.Histogram<"procedure" | "type" | "outcome">;
  ratingSaves: client.Counter<"outcome">;
  sseConnections: client.Gauge;
  jobs: { failures: client.Counter<"task" | "final">; completed: client.Counter<"task"> };
};

const globalForMetrics = globalThis as unknown as { panelkitMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "panelkit_" });
  return {
    registry,
    procedureSeconds: new client.Histogram({
      name: "panelkit_trpc_procedure_duration_seconds",
      help: "Time to answer a tRPC procedure call, by procedure, type and outcome (ok or the error code).",
      labelNames: ["procedure", "type", "outcome"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    ratingSaves: new client.Counter({
      name: "panelkit_rating_saves_total",
      help: "Rating saves answered, by outcome (ok or the error code, e.g. CONFLICT for a stale copy).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    sseConnections: new client.Gauge({
      name: "panelkit_sse_connections",
      help: "Live-progress (server-sent events) connections open now.",
      registers: [registry],
    }),
    jobs: {
      failures: new client.Counter({
        name: "panelkit_job_failures_total",
        help: "Failed job attempts in this instance; final=true when it was the last attempt.",
        labelNames: ["task", "final"],
        registers: [registry],
      }),
      completed: new client.Counter({
        name: "panelkit_jobs_completed_total",
        help: "Jobs this instance completed.",
        labelNames: ["task"],
        registers: [registry],
      }),
    },
  };
}

export function metrics(): Metrics {
  return (globalForMetrics.panelkitMetrics ??= createMetrics());
}

export const jobMetrics = () => metrics().jobs;

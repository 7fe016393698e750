// save_rating.two_instances: the save bench's closed loop against two app instances on one database, half the
// panelists on each (as a load balancer would split them), against one instance's closed loop in the same run.
import type pg from "pg";
import { startCpuCount } from "./cpu";
import type { AppInstance } from "./progress-fanout";
import { SaveRatingBench } from "./save-rating";
import type { LiveOrg } from "./seed";
import { ratio, round } from "./stats";

export type TwoInstanceFigures = {
  rps: number;
  /** rps against one instance's closed-loop rps in the same run. */
  ratio: number | null;
  p95_ms: number;
  errors: number;
  /** CPU ms per save: both app servers together, PostgreSQL, the load generator. */
  cpu_ms_per_save: { servers: number | null; postgres: number | null; client: number | null };
};

export async function benchTwoInstances(
  pool: pg.Pool,
  live: LiveOrg,
  cookies: string[],
  instances: [AppInstance, AppInstance],
  options: { durationS: number; pgDataDir: string; oneInstanceRps: number },
): Promise<TwoInstanceFigures> {
  const half = Math.ceil(live.panelists.length / 2);
  const halves = [0, 1].map(
    (h) => new SaveRatingBench(pool, { ...live, panelists: live.panelists.slice(h * half, (h + 1) * half) }, cookies.slice(h * half, (h + 1) * half)),
  );
  // Warm the second instance's code paths as the first one's were.
  await Promise.all(halves.map((bench, h) => bench.http(instances[h]!.baseUrl, { durationS: 3 })));
  const counts = instances.map((instance) => startCpuCount(instance.pid, options.pgDataDir));
  const runs = await Promise.all(halves.map((bench, h) => bench.http(instances[h]!.baseUrl, { durationS: options.durationS })));
  const [first, second] = counts.map((count) => count());
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const per = (ms: number) => (requests ? round(ms / requests, 2) : null);
  const rps = round(runs.reduce((sum, r) => sum + r.rps, 0), 1);
  return {
    rps,
    ratio: ratio(rps, options.oneInstanceRps),
    p95_ms: Math.max(...runs.map((r) => r.p95_ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    cpu_ms_per_save: { servers: per(first!.server + second!.server), postgres: per(first!.postgres), client: per(first!.client) },
  };
}

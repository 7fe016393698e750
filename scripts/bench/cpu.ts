// CPU time spent by the processes behind a load run (Linux /proc): the server under test, PostgreSQL's
// processes and the load generator itself, so a run reports CPU milliseconds per request next to latency.
// On a shared 2-core machine this is steadier than latency: it says what each save costs, not how long
// it waited.
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

type ProcTimes = { ticks: number; childTicks: number; comm: string; ppid: number };

function ticksOf(pid: number | string): ProcTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is state (field 3); utime, stime are fields 14, 15; cutime, cstime (children that exited) 16, 17.
    return { ticks: Number(fields[11]) + Number(fields[12]), childTicks: Number(fields[13]) + Number(fields[14]), comm, ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

/**
 * The PostgreSQL serving `dataDir` (other databases on the machine are not counted): its postmaster, its live
 * children, and the children that already exited (connections closed by the pool), which the kernel adds
 * to the postmaster's children's time.
 */
function postgresTicks(dataDir: string): number {
  const all = new Map<number, ProcTimes>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const t = ticksOf(entry);
    if (t && t.comm.startsWith("postgres")) all.set(Number(entry), t);
  }
  let total = 0;
  for (const [pid, t] of all) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmdline.includes(dataDir)) continue;
    total += t.ticks + t.childTicks;
    for (const child of all.values()) if (child.ppid === pid) total += child.ticks;
  }
  return total;
}

export type CpuSample = { server: number; postgres: number; client: number };

/** Starts counting; the returned function gives CPU ms spent since, per process kind. */
export function startCpuCount(serverPid: number | undefined, pgDataDir: string): () => CpuSample {
  const server0 = serverPid ? (ticksOf(serverPid)?.ticks ?? 0) : 0;
  const pg0 = postgresTicks(pgDataDir);
  const client0 = process.cpuUsage();
  return () => {
    const client = process.cpuUsage(client0);
    return {
      server: serverPid ? ((ticksOf(serverPid)?.ticks ?? 0) - server0) * TICK_MS : 0,
      postgres: (postgresTicks(pgDataDir) - pg0) * TICK_MS,
      client: Math.round((client.user + client.system) / 1000),
    };
  };
}

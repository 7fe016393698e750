// startup: from spawning `npm start` (already built) to /api/health answering ok, on an empty data
// directory and then on the one that start created.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, resolveDataDir } from "../lib/embedded-db";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function waitForHealth(url: string, deadline: number, exited: () => boolean): Promise<void> {
  while (performance.now() < deadline) {
    if (exited()) throw new Error("npm start exited before /api/health answered");
    try {
      const response = await fetch(url);
      if (response.ok && ((await response.json()) as { status?: string }).status === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer ok in time`);
}

/** One `npm start` until healthy; stops it with SIGINT (as Ctrl-C would) and waits for it to exit. */
export async function timeStart(dataDir: string, log: (line: string) => void, timeoutMs = 120_000): Promise<number> {
  const port = await findFreePort();
  const t0 = performance.now();
  // As a user would start it: embedded database in `dataDir`, its own secret and URL.
  // The bench has just built (or was told to reuse the build): time start-up, not a build.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PANELKIT_DATA_DIR: dataDir, PANELKIT_SKIP_BUILD: "1" };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "NODE_ENV"]) delete env[name];
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, t0 + timeoutMs, () => done);
    return performance.now() - t0;
  } catch (error) {
    log(`npm start output:\n${output}`);
    throw error;
  } finally {
    if (!done) {
      // The whole group: npm, tsx, the start script (which stops next and Postgres on SIGINT).
      process.kill(-child.pid!, "SIGINT");
      const forced = setTimeout(() => !done && process.kill(-child.pid!, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(forced);
    }
  }
}

/** Empty data directory once, then `existingRuns` starts on the data it created; existing_ms is their median. */
export async function benchStartup(
  log: (line: string) => void,
  existingRuns = 3,
): Promise<{ empty_ms: number; existing_ms: number; existing_runs_ms: number[] }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "panelkit-bench-start-"));
  try {
    const empty = await timeStart(dataDir, log);
    log(`startup on an empty data directory: ${Math.round(empty)} ms`);
    const existing: number[] = [];
    for (let i = 0; i < existingRuns; i++) existing.push(await timeStart(dataDir, log));
    log(`startup on the existing data directory: ${existing.map((t) => Math.round(t)).join(", ")} ms`);
    existing.sort((a, b) => a - b);
    return {
      empty_ms: Math.round(empty),
      existing_ms: Math.round(existing[Math.floor(existing.length / 2)]!),
      existing_runs_ms: existing.map(Math.round),
    };
  } finally {
    // As root, start.ts's database lives where the postgres user can reach it (resolveDataDir).
    rmSync(resolveDataDir(path.join(dataDir, "pg")), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

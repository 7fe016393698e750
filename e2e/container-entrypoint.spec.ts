// What the Docker image runs, run outside a container (this machine can't pull base images or run Docker):
// the Dockerfile's ENTRYPOINT with its ENV, two instances started together against one empty PostgreSQL,
// checked with the HEALTHCHECK command it declares. Serves the build run-e2e.ts made (NEXT_DIST_DIR).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from "../scripts/lib/embedded-db";
import { readMigrations } from "../scripts/lib/migrations";
import { expect, test } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

/** A JSON-form instruction of the final stage, e.g. ENTRYPOINT ["/app/docker/entrypoint.sh"], with /app as this checkout. */
function execForm(instruction: RegExp): string[] {
  const match = finalStage.match(instruction);
  if (!match) throw new Error(`The Dockerfile's final stage has no ${instruction}`);
  return (JSON.parse(match[1]!) as string[]).map((part) => part.replace(/^\/app\//, `${ROOT}/`));
}
const ENTRYPOINT = execForm(/^ENTRYPOINT (\[.*\])$/m);
const HEALTHCHECK = execForm(/^HEALTHCHECK .*CMD (\[.*\])$/m);
/** The image's ENV (KEY=value pairs of the final stage). */
const IMAGE_ENV = Object.fromEntries([...finalStage.matchAll(/^ENV (.+)$/gm)].flatMap((m) => m[1]!.split(/\s+/).map((pair) => pair.split("=") as [string, string])));

let db: EmbeddedDb | null = null;
const dataDir = path.join(os.tmpdir(), `panelkit-container-${process.pid}`);
const instances: { process: ChildProcess; port: number; output: string }[] = [];

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  for (const instance of instances) {
    if (instance.process.exitCode === null && instance.process.signalCode === null) {
      const exited = new Promise((resolve) => instance.process.once("exit", resolve));
      process.kill(-instance.process.pid!, "SIGTERM");
      await exited;
    }
  }
  await db?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function containerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Only what a container has: the image's ENV and what compose passes, not this machine's environment.
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: os.tmpdir(), NEXT_DIST_DIR: process.env.NEXT_DIST_DIR, ...IMAGE_ENV, ...extra };
  if (!env.NEXT_DIST_DIR) delete env.NEXT_DIST_DIR;
  return env as unknown as NodeJS.ProcessEnv;
}

function healthcheck(port: number): number | null {
  return spawnSync(HEALTHCHECK[0]!, HEALTHCHECK.slice(1), { cwd: ROOT, env: containerEnv({ PORT: String(port) }), timeout: 10_000 }).status;
}

test("the entrypoint refuses to start without its required settings, naming them", () => {
  const result = spawnSync(ENTRYPOINT[0]!, ENTRYPOINT.slice(1), { cwd: ROOT, env: containerEnv({}), encoding: "utf8", timeout: 30_000 });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain("DATABASE_URL must name the PostgreSQL database");
});

test("two instances started together migrate an empty database once, serve, and pass the image's health check", async () => {
  test.setTimeout(240_000);
  db = await startEmbeddedDb({ dataDir, ephemeral: true });
  await db.createDatabase("panelkit_container");
  const databaseUrl = db.urlFor("panelkit_container");
  const ports = [await findFreePort(), await findFreePort()];
  for (const port of ports) {
    const instance = { port, output: "", process: null as unknown as ChildProcess };
    instance.process = spawn(ENTRYPOINT[0]!, ENTRYPOINT.slice(1), {
      cwd: "/",
      env: containerEnv({
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: "container-test-secret-0123456789abcdef",
        MONITORING_KEY: "container-test-monitoring-key-0123456789abc",
        NEXTAUTH_URL: `http://localhost:${port}`,
      }),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => void (instance.output += chunk.toString());
    instance.process.stdout!.on("data", keep);
    instance.process.stderr!.on("data", keep);
    instances.push(instance);
  }
  for (const instance of instances) {
    await expect
      .poll(() => {
        if (instance.process.exitCode !== null) throw new Error(`instance on ${instance.port} exited:\n${instance.output}`);
        return healthcheck(instance.port);
      }, { timeout: 150_000, intervals: [1_000] })
      .toBe(0);
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const migrations = await client.query<{ name: string; n: number }>(
      `SELECT migration_name AS name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(migrations.rows).toEqual(readMigrations().map((m) => ({ name: m.name, n: 1 })));
    const banks = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "QuestionBank" WHERE "orgId" IS NULL`);
    expect(banks.rows[0]!.n).toBe(readdirSync(path.join(ROOT, "seeds", "banks")).length);
    // A production start never creates the demo organisation or its accounts.
    const orgs = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization"`);
    expect(orgs.rows[0]!.n).toBe(0);
  } finally {
    await client.end();
  }
  for (const { port } of instances) {
    const page = await fetch(`http://localhost:${port}/signin`);
    expect(page.status).toBe(200);
  }

  // The entrypoint exec'd the server (PID 1 in a container), so killing that process takes the server
  // down, and the health check says so while the other instance stays healthy.
  const [first, second] = instances;
  const exited = new Promise((resolve) => first!.process.once("exit", resolve));
  process.kill(first!.process.pid!, "SIGKILL");
  await exited;
  expect(healthcheck(first!.port)).toBe(1);
  expect(healthcheck(second!.port)).toBe(0);
});

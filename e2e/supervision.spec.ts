// npm start supervising what it starts: a panelist scores while the embedded PostgreSQL and then the app
// server are killed with SIGKILL. Both come back by themselves (npm start keeps running), /api/health
// returns to ok, and every rating the screen showed as saved is in the database. Runs scripts/start.ts
// itself on a data directory and port of its own, serving the build run-e2e.ts made (PANELKIT_SKIP_BUILD).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { embeddedUrl, findFreePort, resolveDataDir } from "../scripts/lib/embedded-db";
import { DEMO_PASSWORD, scheduleDemoInterview, storedScorecard, type OwnDatabase } from "./support/app-stack";
import { expect, signIn, test } from "./fixtures";
import { rateQuestion } from "./support/scoring";

const ROOT = path.resolve(import.meta.dirname, "..");
const SAM = "interviewer1@riverside.example";
const dataDir = path.join(os.tmpdir(), `panelkit-supervision-${process.pid}`);
let start: ChildProcess | null = null;
let output = "";
let port = 0;

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  if (start?.pid && start.exitCode === null) {
    const exited = new Promise((resolve) => start!.once("exit", resolve));
    process.kill(-start.pid, "SIGTERM");
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
  await rm(resolveDataDir(path.join(dataDir, "pg")), { recursive: true, force: true });
});

async function waitFor(pattern: RegExp, after: number, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = output.slice(after).match(pattern);
    if (match) return match;
    if (start?.exitCode !== null) throw new Error(`npm start exited (${start?.exitCode}):\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start did not print ${pattern} within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
}

async function health(): Promise<number> {
  return fetch(`http://localhost:${port}/api/health`, { signal: AbortSignal.timeout(3_000) })
    .then((r) => r.status)
    .catch(() => 0);
}

async function waitForHealth(status: number, timeoutMs: number) {
  await expect.poll(health, { timeout: timeoutMs, intervals: [250] }).toBe(status);
}

/** npm start's child running scripts/serve.ts, found in /proc (not from npm start's own log). */
function appServerPid(): number {
  const children = readFileSync(`/proc/${start!.pid}/task/${start!.pid}/children`, "utf8").trim().split(/\s+/).map(Number);
  const server = children.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.ts");
    } catch {
      return false;
    }
  });
  if (!server) throw new Error("npm start has no app server process");
  return server;
}

test("npm start restarts a killed database and a killed app server; no acknowledged rating is lost", async ({ browser }) => {
  test.setTimeout(240_000);
  port = await findFreePort();
  // As a user runs it: no database, secret or URL of the harness's; npm start makes its own.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PANELKIT_DATA_DIR: dataDir, PANELKIT_SKIP_BUILD: "1" };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) delete env[name];
  start = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => void (output += chunk.toString());
  start.stdout!.on("data", keep);
  start.stderr!.on("data", keep);
  const dbPort = Number((await waitFor(/Embedded PostgreSQL on 127\.0\.0\.1:(\d+)/, 0, 60_000))[1]);
  await waitForHealth(200, 150_000);

  const url = embeddedUrl(dbPort, "panelkit");
  const database = {
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
  } as unknown as OwnDatabase;
  const interviewId = await scheduleDemoInterview(database, `Casey Supervised ${Date.now()}`, [SAM]);
  const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const sam = await context.newPage();
  await signIn(sam, SAM, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
  const rated = { 3: await rateQuestion(sam, 1, "3"), 2: 0, 4: 0 };
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved");

  // The database's postmaster dies without warning.
  const postmasterPid = Number(readFileSync(path.join(resolveDataDir(path.join(dataDir, "pg")), "postmaster.pid"), "utf8").split("\n")[0]);
  let mark = output.length;
  process.kill(postmasterPid, "SIGKILL");
  // Long enough for its sessions to die too; then only a restarted server makes the app healthy again.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await waitForHealth(200, 60_000);
  expect(output.slice(mark)).toMatch(/The embedded PostgreSQL stopped unexpectedly \(killed by SIGKILL\); restarting it in 0\.5 s \(attempt 1\)\./);
  expect(output.slice(mark)).toMatch(/The embedded PostgreSQL is running again on 127\.0\.0\.1:\d+\./);
  rated[2] = await rateQuestion(sam, 2, "2");
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 30_000 });

  // Then the app server.
  mark = output.length;
  process.kill(appServerPid(), "SIGKILL");
  await waitForHealth(200, 90_000);
  expect(output.slice(mark)).toMatch(/The app server stopped unexpectedly \(killed by SIGKILL\); restarting it in 0\.5 s \(attempt 1\)\./);
  rated[4] = await rateQuestion(sam, 3, "4");
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 30_000 });

  expect(start.exitCode).toBeNull();
  const stored = (await storedScorecard(database, interviewId, SAM))!;
  // Every rating the screen called saved, before and after each kill, with its value.
  const byScore = (score: number) => stored.ratings.filter((r) => r.score === score).length;
  expect({ 3: byScore(3), 2: byScore(2), 4: byScore(4), total: stored.ratings.length }).toEqual({ ...rated, total: rated[3] + rated[2] + rated[4] });
  await context.close();
});

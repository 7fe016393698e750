// Browser tests: builds the app if needed, starts it on a free port over a fresh embedded PostgreSQL
// with the demo organisation, runs Playwright in Chromium against it, then stops everything.
import { appServerCommand } from "./lib/app-server-command";
import { ensureChromium } from "./lib/chromium";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync, type WriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isSoloSpec } from "../e2e/support/solo-specs";
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { demoCandidateTerms, findPersonalDataInLog } from "./lib/find-personal-data-in-log";
import { prepareDatabase } from "./lib/prepare-database";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    spawn(command, args, { cwd: ROOT, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited with code ${server.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url}/api/health within ${timeoutMs / 1000} s.`);
}

type JsonReport = { stats?: Record<string, number | string>; errors?: unknown[]; suites?: unknown[]; [key: string]: unknown };

/** One Playwright JSON report from the phases' reports: counts added up, errors and suites listed together. */
function mergeJsonReports(target: string, parts: string[]): void {
  const reports = parts.filter((part) => existsSync(part)).map((part) => JSON.parse(readFileSync(part, "utf8")) as JsonReport);
  for (const part of parts) rmSync(part, { force: true });
  if (!reports.length) return;
  const merged: JsonReport = { ...reports[0], errors: [], suites: [], stats: { ...reports[0]!.stats } };
  for (const [index, report] of reports.entries()) {
    merged.errors!.push(...(report.errors ?? []));
    merged.suites!.push(...(report.suites ?? []));
    if (index === 0) continue;
    for (const [key, value] of Object.entries(report.stats ?? {})) {
      const sum = merged.stats![key];
      if (typeof value === "number" && typeof sum === "number") merged.stats![key] = sum + value;
    }
  }
  writeFileSync(target, JSON.stringify(merged));
}

// First, so a machine without a browser learns it (or gets one) before the build, not after.
try {
  process.env.CHROMIUM_PATH = ensureChromium((line) => console.log(`[e2e] ${line}`)).path;
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
  process.exit(1);
}

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(ROOT, distDir, "BUILD_ID")) || process.env.E2E_REBUILD !== "0") {
  console.log("[e2e] building the app");
  const code = await run(bin("tsx"), [path.join(ROOT, "scripts", "build.ts")], { ...baseEnv, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}

/** One app server over its own fresh embedded PostgreSQL with the demo organisation. */
type Stack = { slot: number; db: EmbeddedDb; server: ChildProcess | null; baseUrl: string; databaseUrl: string; logFile: string; log: WriteStream };

const appEnv = (baseUrl: string, databaseUrl: string) => ({
  ...baseEnv,
  NODE_ENV: "production" as const,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_URL: baseUrl,
  NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
  MONITORING_KEY: "e2e-monitoring-key-0123456789abcdef01234567",
  METRICS_TOKEN: "e2e-metrics-token-0123456789",
});

async function startStack(slot: number, stacks: Stack[]): Promise<void> {
  const db = await startEmbeddedDb({ dataDir: path.join(os.tmpdir(), `panelkit-e2e-${process.pid}-${slot}`), ephemeral: true });
  // The app server's output, kept for the privacy check below (and for reading after a failed run).
  const base = process.env.E2E_APP_LOG || path.join(os.tmpdir(), `panelkit-e2e-app-${process.pid}.log`);
  const logFile = slot === 0 ? base : base.replace(/(\.log)?$/, `-${slot}$1`);
  const stack: Stack = { slot, db, server: null, baseUrl: "", databaseUrl: "", logFile, log: createWriteStream(logFile) };
  stacks.push(stack);
  await db.createDatabase("panelkit_e2e");
  stack.databaseUrl = db.urlFor("panelkit_e2e");
  await prepareDatabase(stack.databaseUrl, { demo: "always" });
  const port = await findFreePort();
  stack.baseUrl = `http://localhost:${port}`;
  const [command, args] = appServerCommand();
  const server = spawn(command, args, { cwd: ROOT, env: { ...appEnv(stack.baseUrl, stack.databaseUrl), PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  stack.server = server;
  server.stdout!.on("data", (chunk: Buffer) => void (stack.log.write(chunk), process.stdout.write(chunk)));
  server.stderr!.on("data", (chunk: Buffer) => void (stack.log.write(chunk), process.stderr.write(chunk)));
  await waitForHealth(stack.baseUrl, server);
}

// Which specs this run covers, from the file arguments (none: every spec). Specs that start servers of their
// own run after the others, alone in one worker (e2e/support/solo-specs.ts); the others share the workers.
const cliArgs = process.argv.slice(2);
const fileArgs = cliArgs.filter((arg) => !arg.startsWith("-") && /\.spec\.ts(:\d+)*$/.test(arg));
const soloFileArgs = fileArgs.filter((arg) => isSoloSpec(arg.replace(/(:\d+)+$/, "")));
const runShared = fileArgs.length === 0 || soloFileArgs.length < fileArgs.length;
const runSolo = fileArgs.length === 0 || soloFileArgs.length > 0;
// One worker unless E2E_WORKERS says more. Each worker gets an app and a database of its own, so tests in
// different workers never see each other's changes to the demo organisation (a language chosen, a candidate
// erased). On CI's two cores two workers were slower, not faster (2026-12-05: the shared specs took 12.6 min
// against 12.0 for every spec in one worker, with five tests failing once on timing): one worker's browser,
// app and PostgreSQL already keep both cores busy. More cores: E2E_WORKERS=<n>.
const wantedWorkers = Math.max(1, Number(process.env.E2E_WORKERS ?? 1) || 1);
const sharedFileCount = fileArgs.length - soloFileArgs.length;
const workers = runShared ? Math.min(wantedWorkers, fileArgs.length ? Math.max(1, sharedFileCount) : wantedWorkers) : 1;

/**
 * The arguments for one phase. Playwright empties its output folder when a run starts, so the solo phase
 * writes under `solo/` in it: the shared phase's traces and error contexts stay for reading after the run.
 */
function phaseArgs(phase: string): string[] {
  if (phase !== "solo") return cliArgs;
  const args = [...cliArgs];
  const at = args.findIndex((arg) => arg === "--output" || arg.startsWith("--output="));
  if (at === -1) return [...args, `--output=${path.join("test-results", "solo")}`];
  const value = args[at]!.startsWith("--output=") ? args[at]!.slice("--output=".length) : args[at + 1]!;
  args.splice(at, args[at]!.startsWith("--output=") ? 1 : 2, `--output=${path.join(value, "solo")}`);
  return args;
}

const stacks: Stack[] = [];
let exitCode = 1;
let personalTerms: string[] = [];
// The demo seed encrypts monitoring answers: with the key the app servers read them with.
process.env.MONITORING_KEY = "e2e-monitoring-key-0123456789abcdef01234567";
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_FILE || process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
try {
  await Promise.all(Array.from({ length: workers }, (_, slot) => startStack(slot, stacks)));
  stacks.sort((a, b) => a.slot - b.slot);
  personalTerms = await demoCandidateTerms(stacks[0]!.databaseUrl);
  const perWorker = Object.fromEntries(
    stacks.flatMap((stack) => [
      [`E2E_BASE_URL_${stack.slot}`, stack.baseUrl],
      [`E2E_DATABASE_URL_${stack.slot}`, stack.databaseUrl],
    ]),
  );
  const testEnv = {
    ...appEnv(stacks[0]!.baseUrl, stacks[0]!.databaseUrl),
    ...perWorker,
    E2E_BASE_URL: stacks[0]!.baseUrl,
    E2E_DATABASE_URL: stacks[0]!.databaseUrl,
    E2E_METRICS_TOKEN: "e2e-metrics-token-0123456789",
  };
  const phases = [runShared ? { name: "shared", workers } : null, runSolo ? { name: "solo", workers: 1 } : null].filter((p) => p !== null);
  const codes: number[] = [];
  for (const phase of phases) {
    if (phases.length > 1) console.log(`[e2e] ${phase.name === "shared" ? `specs on the shared apps, ${phase.workers} worker(s)` : "specs with servers of their own, one at a time"}`);
    const report = jsonReport ? { PLAYWRIGHT_JSON_OUTPUT_FILE: `${jsonReport}.${phase.name}`, PLAYWRIGHT_JSON_OUTPUT_NAME: `${jsonReport}.${phase.name}` } : {};
    codes.push(
      await run(bin("playwright"), ["test", ...phaseArgs(phase.name), `--workers=${phase.workers}`, "--pass-with-no-tests"], {
        ...testEnv,
        ...report,
        E2E_PHASE: phase.name,
      }),
    );
  }
  if (jsonReport) mergeJsonReports(jsonReport, phases.map((phase) => `${jsonReport}.${phase.name}`));
  exitCode = codes.find((code) => code !== 0) ?? 0;
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
} finally {
  for (const stack of stacks) {
    const server = stack.server;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  }
  await Promise.all(stacks.map((stack) => stack.db.stop()));
  await Promise.all(stacks.map((stack) => new Promise((resolve) => stack.log.end(resolve))));
}
// Logs carry ids and counts, never personal data: after the whole run, the app server's log must not
// hold a demo candidate's name or email.
for (const { logFile } of personalTerms.length ? stacks : []) {
  const hits = findPersonalDataInLog(logFile, personalTerms);
  if (hits.length) {
    console.error(`[e2e] FAILED privacy check: the app server's log (${logFile}) holds personal data:`);
    for (const hit of hits.slice(0, 20)) console.error(`[e2e]   "${hit.term}" on line ${hit.line}`);
    exitCode = exitCode || 1;
  } else {
    console.log(`[e2e] privacy check passed: none of the ${personalTerms.length} demo candidate names and emails in the app server's log (${logFile})`);
  }
}
process.exit(exitCode);

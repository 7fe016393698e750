// Browser tests: builds the app if needed, starts it on a free port over a fresh embedded PostgreSQL
// with the demo organisation, runs Playwright in Chromium against it, then stops everything.
import { appServerCommand } from "./lib/app-server-command";
import { ensureChromium } from "./lib/chromium";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedDb } from "./lib/embedded-db";
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
  const code = await run(bin("next"), ["build"], { ...baseEnv, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}

const db = await startEmbeddedDb({ dataDir: path.join(os.tmpdir(), `panelkit-e2e-${process.pid}`), ephemeral: true });
let server: ChildProcess | null = null;
let exitCode = 1;
// The app server's output, kept for the privacy check below (and for reading after a failed run).
const appLogFile = process.env.E2E_APP_LOG || path.join(os.tmpdir(), `panelkit-e2e-app-${process.pid}.log`);
const appLog = createWriteStream(appLogFile);
let personalTerms: string[] = [];
try {
  await db.createDatabase("panelkit_e2e");
  const databaseUrl = db.urlFor("panelkit_e2e");
  // The demo seed encrypts monitoring answers: with the key the app server below reads them with.
  process.env.MONITORING_KEY = "e2e-monitoring-key-0123456789abcdef01234567";
  await prepareDatabase(databaseUrl, { demo: "always" });
  personalTerms = await demoCandidateTerms(databaseUrl);
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...baseEnv,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
    MONITORING_KEY: "e2e-monitoring-key-0123456789abcdef01234567",
    METRICS_TOKEN: "e2e-metrics-token-0123456789",
  };
  const [command, args] = appServerCommand();
  server = spawn(command, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk: Buffer) => void (appLog.write(chunk), process.stdout.write(chunk)));
  server.stderr!.on("data", (chunk: Buffer) => void (appLog.write(chunk), process.stderr.write(chunk)));
  await waitForHealth(baseUrl, server);
  exitCode = await run(bin("playwright"), ["test", ...process.argv.slice(2)], {
    ...env,
    E2E_BASE_URL: baseUrl,
    E2E_DATABASE_URL: databaseUrl,
    E2E_METRICS_TOKEN: env.METRICS_TOKEN,
  });
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await db.stop();
  await new Promise((resolve) => appLog.end(resolve));
}
// Logs carry ids and counts, never personal data: after the whole run, the app server's log must not
// hold a demo candidate's name or email.
if (personalTerms.length) {
  const hits = findPersonalDataInLog(appLogFile, personalTerms);
  if (hits.length) {
    console.error(`[e2e] FAILED privacy check: the app server's log (${appLogFile}) holds personal data:`);
    for (const hit of hits.slice(0, 20)) console.error(`[e2e]   "${hit.term}" on line ${hit.line}`);
    exitCode = exitCode || 1;
  } else {
    console.log(`[e2e] privacy check passed: none of the ${personalTerms.length} demo candidate names and emails in the app server's log (${appLogFile})`);
  }
}
process.exit(exitCode);

// Browser tests: builds the app if needed, starts it on a free port over a fresh embedded PostgreSQL
// with the demo organisation, runs Playwright in Chromium against it, then stops everything.
import { appServerCommand } from "./lib/app-server-command";
import { ensureChromium } from "./lib/chromium";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedDb } from "./lib/embedded-db";
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
try {
  await db.createDatabase("panelkit_e2e");
  const databaseUrl = db.urlFor("panelkit_e2e");
  await prepareDatabase(databaseUrl, { demo: "always" });
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...baseEnv,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
  };
  const [command, args] = appServerCommand();
  server = spawn(command, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "inherit", "inherit"] });
  await waitForHealth(baseUrl, server);
  exitCode = await run(bin("playwright"), ["test", ...process.argv.slice(2)], { ...env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl });
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await db.stop();
}
process.exit(exitCode);

// npm start / npm run dev: the whole app on one command.
// Without DATABASE_URL it runs an embedded PostgreSQL with data in .data/; then it migrates, seeds the
// built-in banks (and, on the embedded database's first run, a demo organisation), builds when the
// sources are newer than the last build, and serves the app (scripts/serve.ts) on PORT (default 3000);
// `npm run dev` (--dev) skips the build and runs the same server over Next.js's development compiler.
// Ctrl-C stops it all.
//
// Supervision: when the embedded PostgreSQL or the app server exits unexpectedly (killed, crashed), it is
// started again after a backoff (scripts/lib/restart-policy.ts) and the app reconnects by itself. After
// 5 exits of either within 2 minutes npm start gives up and exits 1, for systemd (Restart=on-failure),
// Docker (restart: unless-stopped) or Kubernetes to restart the whole.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { logger } from "../src/server/log/logger";
import { appServerCommand } from "./lib/app-server-command";
import { buildIsStale } from "./lib/build-state";
import { startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { prepareDatabase } from "./lib/prepare-database";
import { ExitCounter } from "./lib/restart-policy";

const ROOT = path.resolve(import.meta.dirname, "..");
// PANELKIT_DATA_DIR moves the embedded database and the session secret elsewhere (the benchmark uses it).
const DATA_DIR = process.env.PANELKIT_DATA_DIR ? path.resolve(process.env.PANELKIT_DATA_DIR) : path.join(ROOT, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// The same JSON lines as the app server's (src/server/log/logger.ts); `npm start | npx pino-pretty` reads them as text.
const log = (line: string) => logger.info({ component: "start" }, line);

if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  logger.fatal({ component: "start" }, `PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(2);
}

let embedded: EmbeddedDb | null = null;
let server: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  if (embedded) {
    log("Stopping the embedded database.");
    await embedded.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** The key that encrypts equal-opportunities answers, generated once per data directory (32 bytes, base64url). */
function localMonitoringKey(): string {
  const file = path.join(DATA_DIR, "monitoring-key");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** A stable secret for signing sessions, generated once per data directory. */
function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Restarts the embedded database after each unexpected exit, with backoff; gives up in a crash loop. */
function superviseDatabase(db: EmbeddedDb) {
  const exits = new ExitCounter();
  const restart = async (how: string) => {
    for (;;) {
      if (stopping) return;
      const decision = exits.record(Date.now());
      if (!decision.restart) {
        log(`The embedded PostgreSQL keeps stopping (${decision.attempt} times in 2 minutes); giving up.`);
        return shutdown(1);
      }
      log(`The embedded PostgreSQL stopped unexpectedly (${how}); restarting it in ${decision.delayMs / 1000} s (attempt ${decision.attempt}).`);
      await sleep(decision.delayMs);
      if (stopping) return;
      try {
        await db.restart();
        log(`The embedded PostgreSQL is running again on 127.0.0.1:${db.port}.`);
        return;
      } catch (error) {
        how = (error as Error).message;
      }
    }
  };
  db.onUnexpectedExit((how) => void restart(how));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDb({ dataDir: path.join(DATA_DIR, "pg"), log });
    superviseDatabase(embedded);
    log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${embedded.dataDir}`);
    await embedded.createDatabase("panelkit");
    env.DATABASE_URL = embedded.urlFor("panelkit");
    env.NEXTAUTH_SECRET ??= localAuthSecret();
    env.MONITORING_KEY ??= localMonitoringKey();
    // Seeding runs in this process (demo answers are encrypted there): the same key as the server's.
    process.env.MONITORING_KEY = env.MONITORING_KEY;
  } else {
    log("Using the database in DATABASE_URL (no embedded PostgreSQL).");
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  await prepareDatabase(env.DATABASE_URL!, { demo: embedded ? "first-run" : "never", log });

  if (!dev && process.env.PANELKIT_SKIP_BUILD !== "1" && buildIsStale()) {
    // PANELKIT_SKIP_BUILD=1 serves the existing build as it is (the benchmark times start-up of a built app).
    log("Building the app (first start, or sources changed since the last build)...");
    const code = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "build.ts")], { ...env, NODE_ENV: "production" });
    if (code !== 0) {
      log("The build failed; see above.");
      return shutdown(code);
    }
  }
  const appExits = new ExitCounter();
  const startServer = () => {
    // The same server either way (scripts/serve.ts); under --dev it serves the pages from `next dev`'s compiler.
    const [command, args] = appServerCommand([], { dev });
    server = spawn(command, args, { cwd: ROOT, env: { ...env, NODE_ENV: dev ? "development" : "production" }, stdio: "inherit" });
    log(`App server started (pid ${server.pid}).`);
    const restartAfterExit = async (code: number | null, signal: NodeJS.Signals | null) => {
      if (stopping) return;
      const decision = appExits.record(Date.now());
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (!decision.restart) {
        log(`The app server keeps stopping (${how}; ${decision.attempt} times in 2 minutes); giving up.`);
        return shutdown(1);
      }
      log(`The app server stopped unexpectedly (${how}); restarting it in ${decision.delayMs / 1000} s (attempt ${decision.attempt}).`);
      await sleep(decision.delayMs);
      if (!stopping) startServer();
    };
    server.on("exit", (code, signal) => void restartAfterExit(code, signal));
  };
  startServer();
  log(`Panelkit on http://localhost:${port}`);
}

main().catch(async (error) => {
  logger.fatal({ component: "start" }, `Could not start: ${(error as Error).message}`);
  await shutdown(1);
});

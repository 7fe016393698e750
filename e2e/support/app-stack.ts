// For specs that break things on purpose: their own PostgreSQL and their own app server processes (scripts/serve.ts) on free
// ports, so stopping the database or killing the app never touches the shared app run-e2e.ts started.
// Reuses the build run-e2e.ts made (NEXT_DIST_DIR comes through the environment).
import { appServerCommand } from "../../scripts/lib/app-server-command";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from "../../scripts/lib/embedded-db";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { INSERT_CANDIDATE_ON_VERSION_SQL } from "./demo-candidate-sql";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DATABASE = "panelkit_faults";

export const DEMO_PASSWORD = "panelkit-demo";
export const SESSION_SECRET = `e2e-own-stack-${randomUUID()}`;

/** A PostgreSQL server of the spec's own that can be stopped and started again on the same data and port. */
export class OwnDatabase {
  private server: EmbeddedDb | null = null;
  private serverUrl: string | null = null;
  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(label: string): Promise<OwnDatabase> {
    const dataDir = path.join(os.tmpdir(), `panelkit-${label}-${process.pid}-${randomUUID().slice(0, 8)}`);
    const database = new OwnDatabase(dataDir, await findFreePort());
    await database.up();
    await database.server!.createDatabase(DATABASE);
    await prepareDatabase(database.url, { demo: "always" });
    return database;
  }

  /** The app's connection URL; the same across restarts. */
  get url(): string {
    if (!this.serverUrl) throw new Error("The database has not been started yet.");
    return this.serverUrl;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Starts the server on its data directory (created on first start) and port. */
  async up(): Promise<void> {
    if (this.server) return;
    // Not `ephemeral`: that mode deletes the data directory on stop, and a restart must find the data again.
    this.server = await startEmbeddedDb({ dataDir: this.dataDir, port: this.port });
    this.serverUrl = this.server.urlFor(DATABASE);
  }

  /** A fast shutdown (SIGINT): open connections are cut, as when a database server restarts. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.stop();
  }

  /** Runs one query on a connection of its own. */
  async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    await this.down().catch(() => {});
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** One app server (scripts/serve.ts) of the built app against `databaseUrl`. */
export class AppInstance {
  private process: ChildProcess | null = null;
  private output = "";
  readonly url: string;

  private constructor(
    readonly port: number,
    private readonly databaseUrl: string,
  ) {
    this.url = `http://localhost:${port}`;
  }

  static async start(databaseUrl: string, port?: number): Promise<AppInstance> {
    const app = new AppInstance(port ?? (await findFreePort()), databaseUrl);
    await app.up();
    return app;
  }

  /** The last lines the app printed, for failure messages. */
  get log(): string {
    return this.output.slice(-3000);
  }

  async up(): Promise<void> {
    if (this.process) return;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: this.databaseUrl,
      NEXTAUTH_URL: this.url,
      NEXTAUTH_SECRET: SESSION_SECRET,
      // The key the demo's monitoring answers were encrypted with: prepareDatabase ran in this process.
      MONITORING_KEY: process.env.MONITORING_KEY ?? "e2e-own-stack-monitoring-key-0123456789abcd",
      PORT: String(this.port),
    };
    // Its own process group, so a kill reaches the server and anything it forked.
    const [command, args] = appServerCommand();
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.process = child;
    await this.waitUntilHealthy(90_000);
  }

  /** Polls /api/health until it answers 200 (the app is up and reaches its database). */
  async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process && this.process.exitCode !== null) {
        throw new Error(`The app on port ${this.port} exited with code ${this.process.exitCode}:\n${this.log}`);
      }
      const health = await this.health(2_000).catch(() => null);
      if (health?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`The app on port ${this.port} was not healthy within ${timeoutMs / 1000} s:\n${this.log}`);
  }

  /** GET /api/health with a deadline: its status, body and how long it took. */
  async health(timeoutMs = 10_000): Promise<{ status: number; body: { status: string; db: string }; ms: number }> {
    const started = Date.now();
    const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: (await response.json()) as { status: string; db: string }, ms: Date.now() - started };
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no flushing, as when a machine dies. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await exited;
  }

  /** A polite stop (SIGTERM to the group), escalating to SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Adds a scheduled interview on the demo organisation's published script, with the given demo panel. */
export async function scheduleDemoInterview(database: OwnDatabase, candidateName: string, panelEmails: string[]): Promise<string> {
  const [script] = await database.query<{ orgId: string; versionId: string }>(
    `SELECT s."orgId", v.id AS "versionId" FROM "ScriptVersion" v JOIN "InterviewScript" s ON s.id = v."scriptId"
     JOIN "Organization" o ON o.id = s."orgId" WHERE o."isDemo" AND v."publishedAt" IS NOT NULL ORDER BY v."publishedAt" LIMIT 1`,
  );
  if (!script) throw new Error("The demo organisation has no published script.");
  const [candidate] = await database.query<{ id: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [script.orgId, candidateName, script.versionId]);
  const [interview] = await database.query<{ id: string }>(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "scheduledAt", location, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, now(), 'Room 2', now()) RETURNING id`,
    [script.orgId, candidate!.id, script.versionId],
  );
  await database.query(`INSERT INTO "PanelMember" ("interviewId", "userId") SELECT $1, id FROM "User" WHERE email = ANY($2::text[])`, [
    interview!.id,
    panelEmails,
  ]);
  return interview!.id;
}

export type StoredRating = { itemId: string; competencyId: string; score: number | null; notAssessed: boolean; version: number };

/** One panelist's scorecard for an interview as the database holds it. */
export async function storedScorecard(database: OwnDatabase, interviewId: string, email: string) {
  const [card] = await database.query<{ id: string; status: string; recommendation: string | null; summary: string; version: number }>(
    `SELECT s.id, s.status::text AS status, s.recommendation::text AS recommendation, s.summary, s.version
     FROM "Scorecard" s JOIN "User" u ON u.id = s."panelistId" WHERE s."interviewId" = $1 AND u.email = $2`,
    [interviewId, email],
  );
  if (!card) return null;
  const ratings = await database.query<StoredRating>(
    `SELECT "itemId", "competencyId", score, "notAssessed", version FROM "Rating" WHERE "scorecardId" = $1 ORDER BY "itemId", "competencyId"`,
    [card.id],
  );
  const notes = await database.query<{ itemId: string; body: string; version: number }>(
    `SELECT "itemId", body, version FROM "ScorecardNote" WHERE "scorecardId" = $1 ORDER BY "itemId"`,
    [card.id],
  );
  return { ...card, ratings, notes };
}

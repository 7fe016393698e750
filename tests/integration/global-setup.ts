// One embedded PostgreSQL per integration run: migrated and seeded once, then copied for each fork the suite
// runs at once (workers.ts). The files a fork runs share its database and keep apart by creating their own
// organisations and users; two forks never share a database (job queues, rate limits and the like stay apart).
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { integrationWorkers } from "./worker-count";

declare module "vitest" {
  export interface ProvidedContext {
    /** The database of each fork, by VITEST_POOL_ID - 1 (read it through workerDatabaseUrl()). */
    databaseUrls: string[];
    serverUrl: string;
  }
}

type Prepared = { databaseUrls: string[]; serverUrl: string; stop: () => Promise<void> };

// Both integration projects (vitest.config.ts: the suite in forks, then the timed files alone) name this
// setup; Vitest calls it once per project in the same process, so the first call's database serves both and
// the last teardown stops it.
const shared = globalThis as typeof globalThis & { panelkitIntegrationDb?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject) {
  shared.panelkitIntegrationDb ??= { prepared: prepare(), users: 0 };
  const entry = shared.panelkitIntegrationDb;
  entry.users += 1;
  const { databaseUrls, serverUrl, stop } = await entry.prepared;
  project.provide("databaseUrls", databaseUrls);
  project.provide("serverUrl", serverUrl);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.panelkitIntegrationDb = undefined;
    await stop();
  };
}

async function prepare(): Promise<Prepared> {
  if (process.env.TEST_DATABASE_URL) {
    // Any PostgreSQL server: the URL must name a database the tests may fill with test data.
    await prepareDatabase(process.env.TEST_DATABASE_URL, { demo: "never" });
    return { databaseUrls: [process.env.TEST_DATABASE_URL], serverUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  }
  const db = await startEmbeddedDb({
    dataDir: path.join(os.tmpdir(), `panelkit-int-${process.pid}`),
    ephemeral: true,
  });
  await db.createDatabase("panelkit_test");
  const url = db.urlFor("panelkit_test");
  await prepareDatabase(url, { demo: "never" });
  const copies = Array.from({ length: integrationWorkers() - 1 }, (_, i) => `panelkit_test_${i + 2}`);
  const admin = new pg.Client({ connectionString: db.urlFor("postgres") });
  await admin.connect();
  try {
    // A template must have no other session: the preparation's pools may still be closing.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'panelkit_test' AND pid <> pg_backend_pid()`);
    for (const name of copies) await admin.query(`CREATE DATABASE ${name} TEMPLATE panelkit_test`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrls: [url, ...copies.map((name) => db.urlFor(name))],
    serverUrl: db.urlFor("postgres"),
    stop: () => db.stop(),
  };
}

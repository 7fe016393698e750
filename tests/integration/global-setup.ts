// One embedded PostgreSQL per integration run: migrated and seeded once; test files share it and keep
// apart by creating their own organisations and users.
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { prepareDatabase } from "../../scripts/lib/prepare-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    // Any PostgreSQL server: the URL must name a database the tests may fill with test data.
    await prepareDatabase(process.env.TEST_DATABASE_URL, { demo: "never" });
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    project.provide("serverUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const db = await startEmbeddedDb({
    dataDir: path.join(os.tmpdir(), `panelkit-int-${process.pid}`),
    ephemeral: true,
  });
  await db.createDatabase("panelkit_test");
  const url = db.urlFor("panelkit_test");
  await prepareDatabase(url, { demo: "never" });
  project.provide("databaseUrl", url);
  project.provide("serverUrl", db.urlFor("postgres"));
  return async () => {
    await db.stop();
  };
}

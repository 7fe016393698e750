// Which database `npm run db:backup` and `db:restore` work on: DATABASE_URL when set, else the embedded
// database of `npm start` (PANELKIT_DATA_DIR or .data), reached where it runs or started for the occasion.
import path from "node:path";
import { embeddedUrl, runningServerPort, startEmbeddedDb } from "./embedded-db";

const ROOT = path.resolve(import.meta.dirname, "../..");

export async function withBackupTarget<T>(work: (databaseUrl: string, describe: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return work(process.env.DATABASE_URL, `database "${url.pathname.slice(1)}" on ${url.host} (DATABASE_URL)`);
  }
  const dataDir = path.join(process.env.PANELKIT_DATA_DIR ? path.resolve(process.env.PANELKIT_DATA_DIR) : path.join(ROOT, ".data"), "pg");
  const port = runningServerPort(dataDir);
  if (port) return work(embeddedUrl(port, "panelkit"), `the embedded database (running, port ${port})`);
  const db = await startEmbeddedDb({ dataDir });
  try {
    await db.createDatabase("panelkit");
    return await work(db.urlFor("panelkit"), `the embedded database in ${db.dataDir}`);
  } finally {
    await db.stop();
  }
}

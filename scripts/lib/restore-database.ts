// Restores a Panelkit backup into a new database beside the target, checks it, then swaps the two by
// renaming in one transaction. Until the swap nothing touches the target; a failure drops the new
// database, so the target is either as it was or entirely the backup, never half-restored. The previous
// database is kept under a dated name for the operator to drop.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BadBackupError, backupLines, END_OF_TABLE, readBackupSummary, type BackupSummary } from "./backup-file";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrations";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const stamp = () => new Date().toISOString().replace(/\D/g, "").slice(0, 14);

export type RestoreResult = { database: string; previous: string | null; tables: number; rows: number };

function urlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The migrations the target database has applied, or null when it doesn't exist or has none. */
async function appliedMigrations(admin: pg.Client, targetUrl: string, target: string): Promise<string[] | null> {
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [target]);
  if (exists.rowCount === 0) return null;
  return withClient(targetUrl, async (client) => {
    const table = await client.query(`SELECT to_regclass('public."_prisma_migrations"') AS t`);
    if (!table.rows[0].t) return null;
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows.map((row) => row.name);
  });
}

/** Refuses a backup this code can't give a schema for, and a target that is ahead of the backup. */
function checkMigrations(summary: BackupSummary, file: string, targetApplied: string[] | null, target: string) {
  const known = new Map(readMigrations().map((m) => [m.name, m.checksum]));
  const unknown = summary.header.migrations.filter((m) => known.get(m.name) !== m.checksum).map((m) => m.name);
  if (unknown.length > 0) {
    throw new BadBackupError(
      `${file} was made by a newer or different Panelkit: this version does not have its migration(s) ${unknown.join(", ")}. Restore it with the version that made it. Nothing was changed.`,
    );
  }
  const inBackup = new Set(summary.header.migrations.map((m) => m.name));
  const newer = (targetApplied ?? []).filter((name) => !inBackup.has(name));
  if (newer.length > 0) {
    throw new BadBackupError(
      `The database "${target}" has newer migrations than the backup (${newer.join(", ")}); restoring would put old data under a newer schema. Restore into an empty database (a new DATABASE_URL) or with the Panelkit version that made the backup. Nothing was changed.`,
    );
  }
}

/** Creates the schema as the backup had it, by applying exactly the backup's migrations. */
async function createSchema(url: string, summary: BackupSummary) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "panelkit-restore-migrations-"));
  try {
    for (const migration of summary.header.migrations) {
      await cp(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name), { recursive: true });
    }
    await applyMigrations(url, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Loads every row in one transaction with triggers off (the data already holds what triggers derive). */
async function loadData(url: string, file: string, summary: BackupSummary): Promise<number> {
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
    } catch (error) {
      throw new Error(`Restoring needs a database role that may disable triggers (a superuser): ${(error as Error).message}`);
    }
    await client.query(`TRUNCATE ${summary.tables.map((t) => quote(t.name)).join(", ")}`);
    let stream: ReturnType<typeof copyFrom> | null = null;
    let inHeader = 2;
    for await (const line of backupLines(file)) {
      if (inHeader > 0) {
        inHeader -= 1;
        continue;
      }
      if (stream) {
        if (line === END_OF_TABLE) {
          const finished = once(stream, "finish");
          stream.end();
          await finished;
          stream = null;
        } else if (!stream.write(`${line}\n`)) {
          await once(stream, "drain");
        }
      } else if (line.startsWith("TABLE ")) {
        const table = JSON.parse(line.slice(6)) as { name: string; columns: string[] };
        stream = client.query(copyFrom(`COPY ${quote(table.name)} (${table.columns.map(quote).join(", ")}) FROM STDIN`));
      }
    }
    let rows = 0;
    for (const table of summary.tables) {
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(table.name)}`);
      if (Number(counted[0]!.n) !== table.rows) throw new Error(`Table ${table.name} holds ${counted[0]!.n} rows after loading, the backup ${table.rows}.`);
      rows += table.rows;
    }
    for (const sequence of summary.header.sequences) {
      await client.query("SELECT setval($1, $2::bigint, $3)", [quote(sequence.name), sequence.value, sequence.isCalled]);
    }
    await client.query("COMMIT");
    return rows;
  });
}

/** Renames target away and the restored database into its place, in one transaction, retrying while sessions linger. */
async function swap(admin: pg.Client, target: string, restored: string, exists: boolean): Promise<string | null> {
  if (!exists) {
    await admin.query(`ALTER DATABASE ${quote(restored)} RENAME TO ${quote(target)}`);
    return null;
  }
  const previous = `${target.slice(0, 40)}_before_restore_${stamp()}`;
  await admin.query(`ALTER DATABASE ${quote(target)} WITH ALLOW_CONNECTIONS false`);
  try {
    for (let attempt = 1; ; attempt++) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [target]);
      await admin.query("BEGIN");
      try {
        await admin.query(`ALTER DATABASE ${quote(target)} RENAME TO ${quote(previous)}`);
        await admin.query(`ALTER DATABASE ${quote(restored)} RENAME TO ${quote(target)}`);
        await admin.query("COMMIT");
        break;
      } catch (error) {
        await admin.query("ROLLBACK");
        // 55006: object in use (a session that has not ended yet)
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    const name = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [previous])).rowCount ? previous : target;
    await admin.query(`ALTER DATABASE ${quote(name)} WITH ALLOW_CONNECTIONS true`);
  }
  return previous;
}

/**
 * Restores `file` into the database named by `databaseUrl`. `adminDatabase` is any other database on the
 * same server to connect to while the target is renamed (`postgres` by default).
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { adminDatabase?: string; log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const target = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!target) throw new Error("The database URL names no database.");
  log(`checking ${file}`);
  const summary = await readBackupSummary(file);
  return withClient(urlWithDatabase(databaseUrl, options.adminDatabase ?? "postgres"), async (admin) => {
    const applied = await appliedMigrations(admin, databaseUrl, target);
    checkMigrations(summary, file, applied, target);
    const restored = `${target.slice(0, 40)}_restore_${stamp()}`;
    log(`restoring into a new database "${restored}" (the current one is untouched until the end)`);
    await admin.query(`CREATE DATABASE ${quote(restored)} TEMPLATE template0 ENCODING 'UTF8'`);
    try {
      const restoredUrl = urlWithDatabase(databaseUrl, restored);
      await createSchema(restoredUrl, summary);
      const rows = await loadData(restoredUrl, file, summary);
      log(`loaded ${rows} rows in ${summary.tables.length} tables; swapping it in`);
      const previous = await swap(admin, target, restored, applied !== null || (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [target])).rowCount! > 0);
      return { database: target, previous, tables: summary.tables.length, rows };
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${quote(restored)} WITH (FORCE)`).catch(() => undefined);
      throw error;
    }
  });
}

// npm run db:backup / db:restore on a database of the test's own with the demo organisation: a round trip
// brings every row back, and bad files or a database ahead of the backup are refused with nothing changed.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "../../scripts/lib/backup-database";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { restoreDatabase } from "../../scripts/lib/restore-database";

const serverUrl = inject("serverUrl");
const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "panelkit-backup-test-"));
const name = `backup_${Date.now()}`;
const url = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();

async function query<T extends pg.QueryResultRow>(target: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's row count and a digest of all its rows, so "as before" means every row, every column. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await query<{ t: string }>(
    url,
    `SELECT relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public' AND relkind = 'r' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await query<{ n: string; digest: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS digest FROM "${t}" x`,
    );
    result[t] = `${row!.n} ${row!.digest}`;
  }
  return result;
}

const databases = async () => (await query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1", [`${name}%`])).map((r) => r.datname);

beforeAll(async () => {
  await query(serverUrl, `CREATE DATABASE ${name}`);
  await prepareDatabase(url, { demo: "always" });
}, 120_000);

afterAll(async () => {
  for (const db of await databases()) await query(serverUrl, `DROP DATABASE "${db}" WITH (FORCE)`);
});

describe("backup and restore", () => {
  const good = path.join(dir, "good.backup");

  it("round trip: seed, back up, change, restore, every row as before", async () => {
    const before = await fingerprint();
    expect(Number(before.Candidate!.split(" ")[0])).toBeGreaterThan(0);
    const backup = await backupDatabase(url, good);
    expect(backup.rows).toBeGreaterThan(100);

    // Changes of every kind after the backup: an update, an insert, and an audit entry (append-only table).
    await query(url, `UPDATE "Candidate" SET name = 'Changed After Backup'`);
    await query(url, `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org-after', 'After', 'after-backup', now())`);
    const [maxAudit] = await query<{ max: string }>(url, `SELECT max(id)::text AS max FROM "AuditEvent"`);
    expect(await fingerprint()).not.toEqual(before);

    const result = await restoreDatabase(url, good);
    expect(result.previous).toMatch(new RegExp(`^${name}_before_restore_\\d{14}$`));
    expect(await fingerprint()).toEqual(before);
    // The previous database is kept as it was, for the operator to drop.
    const [kept] = await query<{ n: string }>(new URL(`/${result.previous}`, url).toString(), `SELECT count(*)::text AS n FROM "Organization" WHERE slug = 'after-backup'`);
    expect(kept!.n).toBe("1");
    // Sequences come back too: the next audit entry doesn't collide with a restored one.
    const [seq] = await query<{ last: string }>(url, `SELECT last_value::text AS last FROM "AuditEvent_id_seq"`);
    expect(BigInt(seq!.last)).toBeGreaterThanOrEqual(BigInt(maxAudit!.max ?? "0"));
  }, 120_000);

  it("refuses a truncated file, with nothing changed and no database left behind", async () => {
    const bytes = readFileSync(good);
    const cut = path.join(dir, "cut.backup");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = await fingerprint();
    const dbs = await databases();
    await expect(restoreDatabase(url, cut)).rejects.toThrow(/is cut off \(the compressed data ends early\)/);
    expect(await fingerprint()).toEqual(before);
    expect(await databases()).toEqual(dbs);
  }, 60_000);

  it("refuses files from other applications", async () => {
    const sqlDump = path.join(dir, "other.sql");
    writeFileSync(sqlDump, "-- PostgreSQL database dump\nCREATE TABLE users (id int);\n");
    await expect(restoreDatabase(url, sqlDump)).rejects.toThrow(/is not a Panelkit backup \(it is not gzip data/);
    const gz = path.join(dir, "other.sql.gz");
    writeFileSync(gz, gzipSync("-- PostgreSQL database dump\nCREATE TABLE users (id int);\n"));
    await expect(restoreDatabase(url, gz)).rejects.toThrow(/is not a Panelkit backup \(it does not start with "PANELKIT-BACKUP 1"\)/);
    // Our format, but another application's tables.
    const foreign = path.join(dir, "foreign.backup");
    const header = { createdAt: "", database: "shop", migrations: [], sequences: [] };
    writeFileSync(foreign, gzipSync(`PANELKIT-BACKUP 1\n${JSON.stringify(header)}\nTABLE {"name":"orders","columns":["id"]}\n1\n\\.\nEND {"tables":{"orders":1}}\n`));
    await expect(restoreDatabase(url, foreign)).rejects.toThrow(/is not a backup of a Panelkit database/);
    await expect(restoreDatabase(url, path.join(dir, "missing.backup"))).rejects.toThrow(/There is no file/);
  });

  it("refuses a database with newer migrations than the backup, and a backup from a newer Panelkit", async () => {
    await query(url, `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('future', 'x', '20991231000000_future', now(), 1)`);
    const before = await fingerprint();
    await expect(restoreDatabase(url, good)).rejects.toThrow(
      `The database "${name}" has newer migrations than the backup (20991231000000_future); restoring would put old data under a newer schema.`,
    );
    expect(await fingerprint()).toEqual(before);

    const fromFuture = path.join(dir, "future.backup");
    await backupDatabase(url, fromFuture);
    await query(url, `DELETE FROM "_prisma_migrations" WHERE id = 'future'`);
    await expect(restoreDatabase(url, fromFuture)).rejects.toThrow(/was made by a newer or different Panelkit: this version does not have its migration\(s\) 20991231000000_future/);
  }, 60_000);

  it("the npm scripts: a backup of DATABASE_URL, and a refusal with a clear message and exit code 1", async () => {
    const run = promisify(execFile);
    const file = path.join(dir, "cli.backup");
    const env = { ...process.env, DATABASE_URL: url };
    const backup = await run(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", file], { cwd: ROOT, env });
    expect(backup.stdout).toMatch(/^Backing up database "backup_\d+" on 127\.0\.0\.1:\d+ \(DATABASE_URL\)\.\.\.\nWrote .*cli\.backup: \d+ rows in \d+ tables, \d+ migrations\.\n$/);
    writeFileSync(path.join(dir, "cli-cut.backup"), readFileSync(file).subarray(0, 500));
    const refused = await run(process.execPath, ["--import", "tsx", "scripts/db-restore.ts", path.join(dir, "cli-cut.backup")], { cwd: ROOT, env }).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Restore refused or failed; the database is as it was\. .*cli-cut\.backup is cut off/);
  }, 60_000);
});

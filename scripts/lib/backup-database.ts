// Writes a Panelkit backup (see backup-file.ts) of one database, from one consistent snapshot.
// The file appears under its name only once complete, so a failed backup never looks like a good one.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { END_OF_TABLE, MAGIC, type BackupHeader } from "./backup-file";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function write(gzip: Gzip, data: string | Buffer): Promise<void> {
  if (!gzip.write(data)) await once(gzip, "drain");
}

/** Tables of the public schema, and the columns COPY can write back (not generated ones). */
async function listTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      GROUP BY c.relname ORDER BY c.relname`,
  );
  return rows.map((row) => ({ name: row.table, columns: row.columns }));
}

export type BackupResult = { file: string; tables: number; rows: number; migrations: number };

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const bookkeeping = await client.query(`SELECT to_regclass('public."_prisma_migrations"') AS t`);
    if (!bookkeeping.rows[0].t) throw new Error("This database has no _prisma_migrations table: it is not a Panelkit database (nothing written).");
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const sequences = await client.query<{ name: string; value: string; isCalled: boolean }>(
      `SELECT sequencename AS name, COALESCE(last_value, start_value)::text AS value, last_value IS NOT NULL AS "isCalled"
         FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    const header: BackupHeader = {
      createdAt: new Date().toISOString(),
      database: client.database ?? "",
      migrations: migrations.rows,
      sequences: sequences.rows,
    };
    const tables = await listTables(client);

    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    const counts: Record<string, number> = {};
    let total = 0;
    await write(gzip, `${MAGIC}\n${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await write(gzip, `TABLE ${JSON.stringify(table)}\n`);
      let rows = 0;
      const columns = table.columns.map(quote).join(", ");
      for await (const chunk of client.query(copyTo(`COPY (SELECT ${columns} FROM ${quote(table.name)}) TO STDOUT`))) {
        const buffer = chunk as Buffer;
        for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) rows += 1;
        await write(gzip, buffer);
      }
      await write(gzip, `${END_OF_TABLE}\n`);
      counts[table.name] = rows;
      total += rows;
    }
    await write(gzip, `END ${JSON.stringify({ tables: counts })}\n`);
    gzip.end();
    await written;
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, tables: tables.length, rows: total, migrations: migrations.rows.length };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

// prisma/sql holds the current text of every SQL function and trigger the migrations leave in the public
// schema. In one transaction that is rolled back, this drops them all from a freshly migrated database of its
// own (dropping a trigger locks its table: on the shared test database that blocked the other test files,
// and a lock they held could keep this waiting past its timeout while it held the tables it had already
// locked),
// creates them again from the files, and compares PostgreSQL's own rendering of each (pg_get_functiondef,
// pg_get_triggerdef) before and after: how a header is spelled does not matter, a function's body must be
// the same to the character (PostgreSQL keeps it as written), and a function or trigger on one side only fails.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../../scripts/lib/migrations";

const SQL_DIR = path.resolve("prisma/sql");
const FUNCTIONS_DIR = path.join(SQL_DIR, "functions");
const TRIGGERS_FILE = path.join(SQL_DIR, "triggers.sql");

type Definitions = { functions: Map<string, string>; triggers: Map<string, string> };

/** Functions (by signature, e.g. refresh_candidate_insights(text[])) and triggers ("Table".name) of the public schema. */
async function readDefinitions(client: pg.ClientBase): Promise<Definitions> {
  const functions = await client.query<{ signature: string; definition: string }>(`
    SELECT p.oid::regprocedure::text AS "signature", pg_get_functiondef(p.oid) AS "definition"
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind <> 'a'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
  const triggers = await client.query<{ key: string; definition: string }>(`
    SELECT format('%I.%I', c.relname, t.tgname) AS "key", pg_get_triggerdef(t.oid) AS "definition"
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal`);
  return {
    functions: new Map(functions.rows.map((r) => [r.signature, r.definition])),
    triggers: new Map(triggers.rows.map((r) => [r.key, r.definition])),
  };
}

function functionFiles(): { name: string; file: string; text: string }[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({ name: f.slice(0, -".sql".length), file: path.join(FUNCTIONS_DIR, f), text: readFileSync(path.join(FUNCTIONS_DIR, f), "utf8") }));
}

/**
 * What the migrated database has, and what the files make of it once everything is dropped (nothing is kept).
 * triggersError: why prisma/sql/triggers.sql did not run, e.g. a trigger naming a function no file creates.
 */
async function databaseAndFiles(): Promise<{ database: Definitions; files: Definitions; triggersError: string | null }> {
  const serverUrl = inject("serverUrl");
  const name = `sqldefs_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await applyMigrations(url.toString());
    await client.connect();
    await client.query("BEGIN");
    const database = await readDefinitions(client);
    for (const key of database.triggers.keys()) {
      const [table, trigger] = key.split(".") as [string, string];
      await client.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const signature of database.functions.keys()) await client.query(`DROP FUNCTION ${signature}`);
    // As pg_dump does: a body naming a function created by a later file is not checked when created.
    await client.query("SET LOCAL check_function_bodies = off");
    for (const { file, text } of functionFiles()) {
      try {
        await client.query(text);
      } catch (error) {
        throw new Error(`${path.relative(process.cwd(), file)} does not run: ${(error as Error).message}`);
      }
    }
    let triggersError: string | null = null;
    await client.query("SAVEPOINT triggers");
    try {
      await client.query(readFileSync(TRIGGERS_FILE, "utf8"));
    } catch (error) {
      triggersError = `prisma/sql/triggers.sql does not run: ${(error as Error).message}`;
      await client.query("ROLLBACK TO SAVEPOINT triggers");
    }
    return { database, files: await readDefinitions(client), triggersError };
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe("prisma/sql", () => {
  it("holds the current definition of every function and trigger of the migrated database, and nothing else", async () => {
    const { database, files, triggersError } = await databaseAndFiles();

    const functionNames = (defs: Definitions) => [...defs.functions.keys()].sort();
    expect(functionNames(files), "functions: files (prisma/sql/functions) vs the migrated database").toEqual(functionNames(database));
    for (const [signature, definition] of database.functions) {
      expect(files.functions.get(signature), `prisma/sql/functions for ${signature} differs from the migrated database`).toBe(definition);
    }

    expect(triggersError).toBeNull();
    const triggerKeys = (defs: Definitions) => [...defs.triggers.keys()].sort();
    expect(triggerKeys(files), "triggers: prisma/sql/triggers.sql vs the migrated database").toEqual(triggerKeys(database));
    for (const [key, definition] of database.triggers) {
      expect(files.triggers.get(key), `prisma/sql/triggers.sql for ${key} differs from the migrated database`).toBe(definition);
    }
  });

  it("names each function file after its function, and the migration it cites holds the same body", () => {
    for (const { name, text } of functionFiles()) {
      const created = [...text.matchAll(/CREATE (?:OR REPLACE )?FUNCTION "?([a-z_0-9]+)"?\s*\(/gi)].map((m) => m[1]);
      expect(created, `prisma/sql/functions/${name}.sql creates exactly the function ${name}`).toEqual([name]);
      const cited = /last written by (prisma\/migrations\/[^/\s]+\/migration\.sql)/.exec(text)?.[1];
      expect(cited, `prisma/sql/functions/${name}.sql names the migration that last wrote it`).toBeDefined();
      expect(existsSync(path.resolve(cited!)), `${cited} exists`).toBe(true);
      const body = /\$\$[\s\S]*?\$\$/.exec(text)?.[0];
      const migration = readFileSync(path.resolve(cited!), "utf8");
      expect(body !== undefined && migration.includes(body), `${cited} holds the body of prisma/sql/functions/${name}.sql`).toBe(true);
    }
  });
});

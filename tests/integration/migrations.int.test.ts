import { cpSync, mkdtempSync, appendFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "../../scripts/lib/migrations";
import { diffMigrationsToSchemaInChildProcess as diffMigrationsToSchema } from "../../scripts/lib/schema-diff";
import { workerDatabaseUrl } from "./workers";

const serverUrl = inject("serverUrl");
const databaseUrl = workerDatabaseUrl();

async function withFreshDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe("migrations", () => {
  // Each diff runs Prisma's schema engine in a child process of its own (about ten seconds); both start at once.
  let diffs: Promise<[string, string]>;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "schema-"));
    const driftedSchema = path.join(dir, "schema.prisma");
    cpSync(path.resolve("prisma/schema.prisma"), driftedSchema);
    appendFileSync(driftedSchema, "\nmodel DriftProbe {\n  id Int @id\n}\n");
    diffs = Promise.all([diffMigrationsToSchema(serverUrl), diffMigrationsToSchema(serverUrl, driftedSchema)]);
    diffs.catch(() => undefined); // each test reports the failure itself
  });

  it("build exactly the schema in prisma/schema.prisma (fails when the two drift apart)", async () => {
    const [missingSql] = await diffs;
    expect(missingSql, "schema.prisma changed without a migration: run npm run db:migration:new -- <name>").toBe("");
  });

  it("notice a schema change that has no migration", async () => {
    const [, missingSql] = await diffs;
    expect(missingSql).toContain('CREATE TABLE "DriftProbe"');
  });

  it("apply once: a second run applies nothing and keeps Prisma's bookkeeping", async () => {
    await withFreshDatabase(async (url) => {
      const first = await applyMigrations(url);
      expect(first.length).toBe(readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_/.test(f)).length);
      expect(await applyMigrations(url)).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = await client.query(`SELECT migration_name, finished_at FROM "_prisma_migrations"`);
      await client.end();
      expect(rows.rows.map((r) => r.migration_name).sort()).toEqual([...first].sort());
      expect(rows.rows.every((r) => r.finished_at !== null)).toBe(true);
    });
  });

  it("refuse to run when an applied migration was edited afterwards", async () => {
    await withFreshDatabase(async (url) => {
      await applyMigrations(url);
      const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const first = readdirSync(dir).filter((f) => /^\d+_/.test(f)).sort()[0]!;
      appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
      await expect(applyMigrations(url, dir)).rejects.toThrow(/was edited after it was applied/);
    });
  });

  it("make the audit log append-only for the application", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const inserted = await client.query(
        `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.event', 'Test', 'x') RETURNING id`,
      );
      const id = inserted.rows[0].id;
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'changed' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
      const still = await client.query(`SELECT action FROM "AuditEvent" WHERE id = $1`, [id]);
      expect(still.rows[0].action).toBe("test.event");
    } finally {
      await client.end();
    }
  });
});

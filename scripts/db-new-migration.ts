// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the existing
// migrations up to prisma/schema.prisma, computed on a throwaway embedded PostgreSQL.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb } from "./lib/embedded-db";
import { MIGRATIONS_DIR } from "./lib/migrations";
import { diffMigrationsToSchema } from "./lib/schema-diff";

const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>   (e.g. add_candidate_source)");
  process.exit(2);
}

const db = process.env.DATABASE_URL
  ? null
  : await startEmbeddedDb({ dataDir: path.join(os.tmpdir(), `panelkit-migrate-${process.pid}`), ephemeral: true });
try {
  const sql = await diffMigrationsToSchema(process.env.DATABASE_URL ?? db!.urlFor("postgres"));
  if (!sql) {
    console.log("schema.prisma and the migrations already agree: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db?.stop();
}

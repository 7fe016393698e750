// Prints, as JSON, the SQL that would bring the migrations up to schema.prisma ("" when they agree).
// The schema engine patches process globals (timers, the pg pool's query) while it works, so callers that
// live on (the test worker) run it here, in a process of its own: `tsx scripts/schema-diff-cli.ts <serverUrl> [schemaPath]`.
import { diffMigrationsToSchema } from "./lib/schema-diff";

const [serverUrl, schemaPath] = process.argv.slice(2);
if (!serverUrl) {
  console.error("usage: tsx scripts/schema-diff-cli.ts <postgres server url> [schema.prisma path]");
  process.exit(2);
}
const sql = await diffMigrationsToSchema(serverUrl, schemaPath);
process.stdout.write(JSON.stringify({ sql }));

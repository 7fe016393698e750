// npm run db:migrate — applies pending migrations to DATABASE_URL.
import { migrateJobQueue } from "./lib/migrate-job-queue";
import { applyMigrations } from "./lib/migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` migrates the embedded database by itself.)");
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  await migrateJobQueue(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

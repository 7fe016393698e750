// The container's start step (docker/entrypoint.sh): migrations and the built-in banks on DATABASE_URL.
// Several instances may start together on one database: migrations and seeding each take an advisory
// lock of their own (scripts/lib/migrations.ts, seed-builtin-content.ts). Never creates demo accounts.
import { prepareDatabase } from "./lib/prepare-database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[panelkit] DATABASE_URL is not set: the container needs a PostgreSQL server (see compose.yaml).");
  process.exit(2);
}
try {
  await prepareDatabase(url, { demo: "never", log: (line) => console.log(`[panelkit] ${line}`) });
} catch (error) {
  console.error(`[panelkit] Could not prepare the database: ${(error as Error).message}`);
  process.exitCode = 1;
}
// Libraries used while preparing (the job queue's migrator, Prisma) may leave handles open; the server
// starts next in this same container, so leave now.
process.exit(process.exitCode ?? 0);

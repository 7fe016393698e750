// The job queue's tables (graphile-worker's own schema, `graphile_worker`, versioned by the library) are
// created or upgraded with the app's migrations, so services can queue jobs in their transactions before
// any app instance has started a worker. graphile-worker copes with several instances installing at once.
import { Logger, runMigrations } from "graphile-worker";

// It logs each step at info; only its errors belong in `npm start`'s output.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
});

export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

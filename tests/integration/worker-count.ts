// How many files the integration suite runs at once, each fork on a database of its own (global-setup.ts copies
// the migrated and seeded one for each). Two on two cores: one fork left a core mostly idle, the test's
// JavaScript and PostgreSQL taking turns on each statement. On a server of your own (TEST_DATABASE_URL) one,
// since the tests may not be allowed to create databases there. INT_WORKERS=1 runs the files one at a time.
// (Read by vitest.config.ts too, so nothing here imports vitest.)
import os from "node:os";

export function integrationWorkers(): number {
  if (process.env.TEST_DATABASE_URL) return 1;
  const wanted = Number(process.env.INT_WORKERS ?? Math.min(2, os.availableParallelism()));
  return Number.isInteger(wanted) && wanted >= 1 ? wanted : 1;
}

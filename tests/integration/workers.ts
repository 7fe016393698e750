// The database of the fork a test file runs in (see worker-count.ts and global-setup.ts).
import { inject } from "vitest";

/** This fork's database (Vitest numbers its forks from 1 in VITEST_POOL_ID). */
export function workerDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const fork = Number(process.env.VITEST_POOL_ID ?? 1);
  return urls[(fork - 1) % urls.length]!;
}

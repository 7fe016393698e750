// Counters of attempts per key within a fixed window, in Postgres ("RateLimit") so every app instance
// shares them and a restart doesn't reset them. Each count is one atomic upsert: concurrent attempts
// can't all read the same old count (the row lock of ON CONFLICT serialises them).
import type { Db } from "@/server/db";

export type Window = { limit: number; seconds: number };

/**
 * Counts one attempt for `key` and returns the seconds until attempts are allowed again: 0 when this one
 * is within `window.limit`. The window starts at a key's first attempt and is not stretched by later ones.
 */
export async function countAttempt(db: Db, key: string, window: Window): Promise<number> {
  // The count is committed without waiting for the disk (synchronous_commit off for this one transaction):
  // it is taken on every API request and sign-in, and waiting for the flush was most of its time (7 ms of
  // 7.4 at the median on this machine's disk, under load). A crash can lose the last fraction of a second
  // of counts, which only lets a caller try a few more times; nothing a person entered is ever written so.
  const rows = await db.$queryRaw<Array<{ points: number; msLeft: number }>>`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "RateLimit" (key, points, expire)
    SELECT ${key}, 1, (now() AT TIME ZONE 'UTC') + ${window.seconds}::int * interval '1 second' FROM async_commit
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN "RateLimit".expire > (now() AT TIME ZONE 'UTC') THEN "RateLimit".points + 1 ELSE 1 END,
      expire = CASE WHEN "RateLimit".expire > (now() AT TIME ZONE 'UTC') THEN "RateLimit".expire ELSE EXCLUDED.expire END
    RETURNING points, (EXTRACT(EPOCH FROM (expire - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "msLeft"`;
  const row = rows[0]!;
  return row.points > window.limit ? Math.max(1, Math.ceil(row.msLeft / 1000)) : 0;
}

/** Takes back one counted attempt (e.g. one that turned out to be a success). */
export async function uncountAttempt(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET points = points - 1 WHERE key = ${key} AND points > 0`;
}

export async function forgetAttempts(db: Db, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE key = ${key}`;
}

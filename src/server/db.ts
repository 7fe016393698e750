// The Prisma client, created on first use: `next build` imports route modules without a database.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { databaseUrl } from "@/env";

const globalForPrisma = globalThis as unknown as { panelkitPrisma?: PrismaClient; panelkitPool?: pg.Pool; panelkitPools?: WeakMap<object, pg.Pool> };

/** The `pg` pools behind the app's own clients (db() and the replica's, db-replica.ts), for poolBehind. */
const poolsBehind = (globalForPrisma.panelkitPools ??= new WeakMap());

/** Records that `client` runs on `pool` (each of the app's own clients, once, when created). */
export function registerPoolBehind(client: PrismaClient, pool: pg.Pool): PrismaClient {
  poolsBehind.set(client, pool);
  return client;
}

export function db(): PrismaClient {
  if (!globalForPrisma.panelkitPrisma) {
    // connectionTimeoutMillis also bounds the wait in the pool's queue: at 5 s, a burst of saves (2,000 at
    // once in the concurrency tests, on a busy machine) can wait longer and fail instead of queueing. A database that is down
    // refuses at once, and /api/health has its own 2 s limit, so the longer wait hides no outage.
    // The pool is ours (not the adapter's) so /api/metrics can report its use.
    const pool = (globalForPrisma.panelkitPool = new pg.Pool({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 15_000 }));
    const client = new PrismaClient({
      adapter: new PrismaPg(pool),
      // Prisma's default gives a transaction 2 s to get one of the 10 pooled connections. When a whole panel
      // day submits at once (the concurrency tests: 200 submits) that queue is longer, and a submit failed
      // with a 500 instead of waiting its turn. Wait up to 10 s for a connection; run up to 15 s once started.
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
    globalForPrisma.panelkitPrisma = registerPoolBehind(client, pool);
  }
  return globalForPrisma.panelkitPrisma;
}

export type Db = PrismaClient;
/** A client or an open transaction: for reads that also run inside a write's transaction. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

/**
 * The `pg` pool behind `client` when it is one of the app's own clients (db(), the replica's), else null (a
 * test's or script's own client). For the one statement of the hottest write (a rating save): in a CPU profile of the app under
 * load, Prisma's raw-query path (argument mapping, result conversion) was about a quarter of a save's JavaScript.
 */
export function poolBehind(client: Db): pg.Pool | null {
  return poolsBehind.get(client) ?? null;
}

/**
 * The rows of a raw read: straight through `pg` when `client` is one of the app's own clients, else through
 * Prisma's $queryRaw (a test's or script's client), with the same text and values. For the insight pages'
 * aggregates, which answer a few rows of large JSON texts or many small rows: Prisma's raw-query path maps
 * every value of every row again after `pg` has parsed it, work these reads do not need. The statement's
 * columns must be of types both read alike (READ_ALIKE_TYPES; cast in SQL): any other is refused on the `pg`
 * path, so a statement that would read differently fails in tests rather than in a time zone nobody tried.
 * Dates among the values are sent as UTC ISO text, as Prisma sends them, whatever the process's time zone.
 */
export async function queryRows(client: Db, sql: Prisma.Sql): Promise<unknown[]> {
  const pool = poolBehind(client);
  if (!pool) return client.$queryRaw(sql);
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await pool.query(sql.text, values);
  const unlike = result.fields.find((field) => !READ_ALIKE_TYPES.has(field.dataTypeID));
  if (unlike) throw new Error(`queryRows: column "${unlike.name}" is of a type pg and Prisma read differently (oid ${unlike.dataTypeID}); cast it in SQL`);
  return result.rows;
}

/**
 * Column types `pg` and Prisma read into the same JavaScript values: bool, int2, int4, text, float4, float8,
 * varchar. Not int8 (a string in pg, a BigInt in Prisma), numeric, timestamps (pg reads them in the process's
 * time zone, Prisma as UTC) or enums (cast them to text).
 */
const READ_ALIKE_TYPES = new Set([16, 21, 23, 25, 700, 701, 1043]);

/** The pool behind db(), once it exists: connections open, idle, and requests waiting for one. */
export function dbPoolUse(): { total: number; idle: number; waiting: number } | null {
  const pool = globalForPrisma.panelkitPool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

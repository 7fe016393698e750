// The Prisma client, created on first use: `next build` imports route modules without a database.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { databaseUrl } from "@/env";

const globalForPrisma = globalThis as unknown as { panelkitPrisma?: PrismaClient; panelkitPool?: pg.Pool };

export function db(): PrismaClient {
  globalForPrisma.panelkitPrisma ??= new PrismaClient({
    // connectionTimeoutMillis also bounds the wait in the pool's queue: at 5 s, a burst of saves (2,000 at
    // once in the concurrency tests, on a busy machine) can wait longer and fail instead of queueing. A database that is down
    // refuses at once, and /api/health has its own 2 s limit, so the longer wait hides no outage.
    // The pool is ours (not the adapter's) so /api/metrics can report its use.
    adapter: new PrismaPg((globalForPrisma.panelkitPool = new pg.Pool({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 15_000 }))),
    // Prisma's default gives a transaction 2 s to get one of the 10 pooled connections. When a whole panel
    // day submits at once (the concurrency tests: 200 submits) that queue is longer, and a submit failed
    // with a 500 instead of waiting its turn. Wait up to 10 s for a connection; run up to 15 s once started.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return globalForPrisma.panelkitPrisma;
}

export type Db = PrismaClient;
/** A client or an open transaction: for reads that also run inside a write's transaction. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

/**
 * The `pg` pool behind `client` when it is the app's own client (db()), else null (a test's or script's own
 * client). For the one statement of the hottest write (a rating save): in a CPU profile of the app under
 * load, Prisma's raw-query path (argument mapping, result conversion) was about a quarter of a save's JavaScript.
 */
export function poolBehind(client: Db): pg.Pool | null {
  return client === globalForPrisma.panelkitPrisma ? (globalForPrisma.panelkitPool ?? null) : null;
}

/** The pool behind db(), once it exists: connections open, idle, and requests waiting for one. */
export function dbPoolUse(): { total: number; idle: number; waiting: number } | null {
  const pool = globalForPrisma.panelkitPool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

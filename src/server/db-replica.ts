// A second Prisma client for insight reads that may be a little stale (calibration, the organisation-wide
// comparison), on DATABASE_REPLICA_URL when it is set, so those scans leave the primary to the writes.
// Unset, it is the primary's own client. Never write through it: a replica refuses writes.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseReplicaUrl } from "@/env";
import { db, registerPoolBehind, type Db } from "./db";

const globalForReplica = globalThis as unknown as { panelkitReplica?: PrismaClient };

/** The client for stale-tolerant insight reads: the replica's, or db() without one. */
export function replicaDb(primary: Db = db()): Db {
  const url = databaseReplicaUrl();
  if (!url) return primary;
  if (!globalForReplica.panelkitReplica) {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 15_000 });
    globalForReplica.panelkitReplica = registerPoolBehind(new PrismaClient({ adapter: new PrismaPg(pool) }), pool);
  }
  return globalForReplica.panelkitReplica;
}

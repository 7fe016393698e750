// The Prisma client, created on first use: `next build` imports route modules without a database.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/env";

const globalForPrisma = globalThis as unknown as { panelkitPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.panelkitPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 5_000 }),
  });
  return globalForPrisma.panelkitPrisma;
}

export type Db = PrismaClient;

// A Prisma client for command-line scripts (the app's own lives in src/server/db.ts behind "server-only").
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";

export function prismaFor(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
}

// queryRows (src/server/db.ts) reads the insight pages' aggregates straight through `pg` on the app's own
// clients and through Prisma's $queryRaw on any other client. Both must answer the same rows; a date among the
// values must pick the same rows whatever the process's time zone; a column the two would read differently is
// refused rather than read wrong; and with DATABASE_REPLICA_URL set, calibration's reads go to the replica's pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { db, poolBehind, queryRows } from "@/server/db";
import { replicaDb } from "@/server/db-replica";
import { createInsightsFixture } from "./insights-factories";

let other: PrismaClient;
beforeAll(() => {
  other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) });
});
afterAll(async () => {
  await other.$disconnect();
});

/** Runs `work` with the process in time zone `zone` (Node reads TZ again when it changes). */
async function inTimeZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe("queryRows", () => {
  it("reads through pg on the app's client and through Prisma on another, with the same rows", async () => {
    expect(poolBehind(db())).not.toBeNull();
    expect(poolBehind(other)).toBeNull();
    const sql = Prisma.sql`
      SELECT ${"Empathy"}::text AS "name", ${7}::int AS "count", 2.5::float8 AS "mean", TRUE AS "ok",
        NULL::text AS "missing", json_build_array(1, 'two')::text AS "json"`;
    const viaPg = await queryRows(db(), sql);
    expect(viaPg).toEqual([{ name: "Empathy", count: 7, mean: 2.5, ok: true, missing: null, json: '[1, "two"]' }]);
    expect(await queryRows(other, sql)).toEqual(viaPg);
  });

  it("compares a date with a timestamp column as Prisma does, in any time zone of the process", async () => {
    const from = new Date("2026-03-01T10:00:00.000Z");
    const sql = Prisma.sql`
      SELECT x."label" FROM (VALUES
        ('before', '2026-03-01 09:59:59.999'::timestamp(3)),
        ('at', '2026-03-01 10:00:00.000'::timestamp(3)),
        ('after', '2026-03-01 10:00:00.001'::timestamp(3))
      ) x("label", "at")
      WHERE x."at" >= ${from}
      ORDER BY x."at"`;
    for (const zone of ["UTC", "America/New_York", "Asia/Kolkata"]) {
      const [viaPg, viaPrisma] = await inTimeZone(zone, () => Promise.all([queryRows(db(), sql), queryRows(other, sql)]));
      expect({ zone, rows: viaPg }).toEqual({ zone, rows: [{ label: "at" }, { label: "after" }] });
      expect(viaPrisma).toEqual(viaPg);
    }
  });

  it("refuses a column pg and Prisma would read differently, naming it", async () => {
    await expect(queryRows(db(), Prisma.sql`SELECT count(*) AS "total" FROM "Organization"`)).rejects.toThrow(/column "total"/);
    await expect(queryRows(db(), Prisma.sql`SELECT now()::timestamp(3) AS "at"`)).rejects.toThrow(/column "at"/);
  });

  it("runs calibration's aggregates on the replica's own pool when DATABASE_REPLICA_URL is set, with the same page", async () => {
    const f = await createInsightsFixture();
    const onPrimary = await f.hr.caller.insights.calibration({});
    // A second URL for the same database, told apart by its application name, stands in for a replica.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", "panelkit-replica-test");
    process.env.DATABASE_REPLICA_URL = url.toString();
    const replica = replicaDb();
    try {
      const replicaPool = poolBehind(replica);
      expect(replicaPool).not.toBeNull();
      expect(replicaPool).not.toBe(poolBehind(db()));
      const onReplica = await f.hr.caller.insights.calibration({});
      expect(onReplica).toEqual(onPrimary);
      expect(replicaPool!.totalCount).toBeGreaterThan(0);
    } finally {
      delete process.env.DATABASE_REPLICA_URL;
      await replica.$disconnect();
    }
  });
});

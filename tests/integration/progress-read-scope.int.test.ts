// Live progress is read after every panel change for every open stream, so its read must cost the interview's
// own scorecards, not the database: Prisma's relation count (`_count`) grouped every organisation's ratings
// and notes before joining them, and with a million ratings stored the bench's fan-out p95 went from about
// 150 to over 500 ms.
//
// How the rows a read visits are counted: a role of the test's own reads through a row-level security
// policy on Rating and ScorecardNote whose condition takes a number from a sequence, once per row the
// scan hands it. The app's own role (the table owner) is not subject to the policy, so nothing else changes.
// The probe role plans without sequential scans: in a test database of a few hundred rows, once another test
// file has run ANALYZE, reading a table's few pages is the planner's right choice even for one scorecard, and
// that says nothing about a database of millions. What the test asks is whether the statement can be answered
// from the interview's own rows; a count grouped over the whole table cannot, whatever the plan.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/env";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { callerFor, createUser, unique } from "./factories";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";

const ROLE = `progress_probe_${randomUUID().slice(0, 8)}`;
const PASSWORD = randomUUID();
let probe: PrismaClient;

beforeAll(async () => {
  const setup = [
    `CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`,
    `ALTER ROLE ${ROLE} SET enable_seqscan = off`,
    `GRANT USAGE ON SCHEMA public TO ${ROLE}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${ROLE}`,
    `CREATE SEQUENCE ${ROLE}_visits`,
    `GRANT USAGE ON SEQUENCE ${ROLE}_visits TO ${ROLE}`,
    `CREATE FUNCTION ${ROLE}_visit() RETURNS boolean LANGUAGE sql VOLATILE AS $$ SELECT nextval('${ROLE}_visits') > 0 $$`,
    `ALTER TABLE "Rating" ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE "ScorecardNote" ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY ${ROLE} ON "Rating" FOR SELECT TO ${ROLE} USING (${ROLE}_visit())`,
    `CREATE POLICY ${ROLE} ON "ScorecardNote" FOR SELECT TO ${ROLE} USING (${ROLE}_visit())`,
  ];
  for (const statement of setup) await db().$executeRawUnsafe(statement);
  const url = new URL(databaseUrl());
  url.username = ROLE;
  url.password = PASSWORD;
  probe = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 2 }) });
});

afterAll(async () => {
  await probe?.$disconnect();
  const teardown = [
    `DROP POLICY IF EXISTS ${ROLE} ON "Rating"`,
    `DROP POLICY IF EXISTS ${ROLE} ON "ScorecardNote"`,
    `ALTER TABLE "Rating" DISABLE ROW LEVEL SECURITY`,
    `ALTER TABLE "ScorecardNote" DISABLE ROW LEVEL SECURITY`,
    `DROP FUNCTION IF EXISTS ${ROLE}_visit()`,
    `DROP SEQUENCE IF EXISTS ${ROLE}_visits`,
    `DROP OWNED BY ${ROLE}`,
    `DROP ROLE IF EXISTS ${ROLE}`,
  ];
  for (const statement of teardown) await db().$executeRawUnsafe(statement);
});

/** Rows of Rating and ScorecardNote the probe role's reads have visited so far. */
async function visits(): Promise<number> {
  const [row] = await db().$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM ${ROLE}_visits`);
  return Number(row!.n);
}

describe("live progress reads the interview's own scorecards only", () => {
  it("visits at most one rating and one note per scorecard, however many the database holds, and still tells started from not", async () => {
    // Another organisation's busy panel: its ratings and notes are rows a whole-table count would visit.
    const busy = await createPanelInterview({ wideScript: true });
    for (const panelist of busy.panelists) {
      const card = await panelist.caller.scorecards.mine({ interviewId: busy.interviewId });
      for (const [i, cell] of cellsOf(card).entries()) await panelist.caller.scorecards.saveRating(rating(card.id, cell, 1 + (i % 4), 0));
      await panelist.caller.scorecards.saveNote({ scorecardId: card.id, itemId: cellsOf(card)[0]!.itemId, body: "busy panel's note", baseVersion: 0 });
    }
    const [stored] = await db().$queryRaw<Array<{ rows: bigint }>>`
      SELECT (SELECT count(*) FROM "Rating") + (SELECT count(*) FROM "ScorecardNote") AS rows`;
    expect(Number(stored!.rows)).toBeGreaterThan(20);

    // The interview watched: Ada has rated, Ben has only written a note, Cleo has done nothing.
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    const adaCard = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const benCard = await ben.caller.scorecards.mine({ interviewId: f.interviewId });
    await ada.caller.scorecards.saveRating(rating(adaCard.id, cellsOf(adaCard)[0]!, 3, 0));
    await ben.caller.scorecards.saveNote({ scorecardId: benCard.id, itemId: cellsOf(benCard)[0]!.itemId, body: "calm under pressure", baseVersion: 0 });
    // A ten-person panel: seven more members who have opened their scorecards and not rated yet. With statistics
    // that know it (the ANALYZE below, as after any other file's), the planner once answered EXISTS for these
    // scorecards from a hash of the whole Rating and ScorecardNote tables: 68 rows visited for 10 scorecards.
    const more: string[] = [];
    for (let i = 0; i < 7; i++) {
      const user = await createUser(`Panelist ${i} ${unique("p")}`);
      await db().membership.create({ data: { orgId: f.org.id, userId: user.id, role: "INTERVIEWER" } });
      await db().panelMember.create({ data: { interviewId: f.interviewId, userId: user.id } });
      await callerFor(user.id).scorecards.mine({ interviewId: f.interviewId });
      more.push(user.id);
    }
    for (const table of ["Scorecard", "Rating", "ScorecardNote"]) await db().$executeRawUnsafe(`ANALYZE "${table}"`);
    const expected = [
      [ada.userId, "IN_PROGRESS"],
      [ben.userId, "IN_PROGRESS"],
      [cleo.userId, "NOT_STARTED"],
      ...more.map((id) => [id, "NOT_STARTED"]),
    ];
    const states = (progress: Array<{ userId: string; state: string }>) => progress.map((p) => [p.userId, p.state]).sort();
    const scorecards = 10;
    const asCleo = createCaller({ db: probe, userId: cleo.userId, preferredOrgId: null, clientAddress: "127.0.0.1" });

    const beforeRead = await visits();
    expect(states(await asCleo.scorecards.progress({ interviewId: f.interviewId }))).toEqual([...expected].sort());
    expect(await visits()).toBeLessThanOrEqual(beforeRead + 2 * scorecards);

    // The live stream's shared read, the one every open progress screen waits on after a change.
    const beforeStream = await visits();
    const stream = await asCleo.scorecards.onProgress({ interviewId: f.interviewId });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(states(first.value!)).toEqual([...expected].sort());
    await iterator.return?.();
    expect(await visits()).toBeLessThanOrEqual(beforeStream + 2 * scorecards);
  });
});

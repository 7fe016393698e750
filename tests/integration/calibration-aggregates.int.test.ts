// Calibration from aggregates (issue 18): on random panels (drafts, shadows, a reader sitting on a panel they
// have not submitted for, "not assessed", missing ratings), the page's figures read from the aggregates the
// triggers keep equal the same figures computed from every raw rating, as the page did before, for HR (the
// organisation's totals), a hiring manager (the totals when they own most, with a candidate outside their
// scope; their own candidates otherwise), an interviewer and a script filter; and still after an
// amendment, a draft submitted, a scorecard deleted, erasure and retention's anonymisation. Deleting the
// candidates leaves the organisation's totals empty.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { alphaIntervals } from "@/lib/statistics/alpha-interval";
import { krippendorffAlpha } from "@/lib/statistics/krippendorff-alpha";
import { leniencyOffsets } from "@/lib/statistics/leniency";
import { db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { getCalibration } from "@/server/services/insights/get-calibration";
import { scopedScorecards } from "@/server/services/insights/insight-scope";
import { eraseCandidate } from "@/server/services/privacy/erase-candidate";
import { anonymiseCandidate } from "@/server/services/privacy/_shared/anonymise-candidate";
import { callerFor, candidateData, createOrganization, vacancyFor } from "./factories";
import { addMember, publishedScript } from "./insights-factories";

type World = Awaited<ReturnType<typeof createWorld>>;
type Seat = { rater: number; state: string; scores: Array<number | "NA" | null>; hours: number };
type Plan = { day: number; seats: Seat[] };

async function createWorld() {
  const { org, members } = await createOrganization(["HR", "HIRING_MANAGER", "ADMIN"]);
  const interviewers = await Promise.all([1, 2, 3].map((n) => addMember(org.id, `Rater ${n}`, "INTERVIEWER")));
  const manager = members.HIRING_MANAGER.userId;
  // The manager's script puts its candidates in their scope; the admin's leaves the others out of it.
  const script = await publishedScript(callerFor(manager), "Calibration Worker");
  const other = await publishedScript(callerFor(members.ADMIN.userId), "Second Script");
  const vacancy = await vacancyFor(org.id, { title: "Calibration Worker", scriptVersionId: script.versionId });
  // HR and the manager sit on panels too, so their own pending seats are exercised.
  return { org, hr: members.HR.userId, manager, raters: [members.HR.userId, manager, ...interviewers.map((i) => i.userId)], script, other, vacancy };
}

// One seat: submitted, a draft, a shadow's submitted scorecard, or no scorecard yet; four scores (null = not rated).
const seatArb = fc.record({
  rater: fc.integer({ min: 0, max: 4 }),
  state: fc.constantFrom("SUBMITTED", "SUBMITTED", "SUBMITTED", "DRAFT", "SHADOW", "NONE"),
  scores: fc.array(fc.constantFrom(1, 2, 3, 4, 4, 1, "NA" as const, null), { minLength: 4, maxLength: 4 }),
  hours: fc.integer({ min: -3, max: 60 }),
});
const interviewArb = fc.record({ day: fc.integer({ min: 0, max: 20 }), seats: fc.uniqueArray(seatArb, { minLength: 1, maxLength: 4, selector: (s) => s.rater }) });
// The third candidate, when there is one, is interviewed on the admin's script: outside the manager's scope.
const worldArb = fc.array(fc.array(interviewArb, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 });

async function seedWorld(w: World, world: Plan[][]) {
  const candidateIds: string[] = [];
  for (const [c, interviews] of world.entries()) {
    const candidate = await db().candidate.create({ data: await candidateData(w.org.id, { name: `Cal ${c}`, email: null, phone: null, ...w.vacancy }) });
    candidateIds.push(candidate.id);
    for (const plan of interviews) {
      const outside = c === 2;
      const script = outside ? w.other : w.script;
      const scheduledAt = new Date(Date.UTC(2026, 10, 1 + plan.day, 9));
      const interview = await db().interview.create({
        data: {
          orgId: w.org.id,
          candidateId: candidate.id,
          stageId: outside ? null : w.vacancy.stageId,
          scriptVersionId: script.versionId,
          scheduledAt,
          status: "COMPLETED",
          panel: { create: plan.seats.map((s) => ({ userId: w.raters[s.rater]!, shadow: s.state === "SHADOW" })) },
        },
      });
      for (const seat of plan.seats.filter((s) => s.state !== "NONE")) {
        const submitted = seat.state !== "DRAFT";
        await db().scorecard.create({
          data: {
            orgId: w.org.id,
            interviewId: interview.id,
            panelistId: w.raters[seat.rater]!,
            status: submitted ? "SUBMITTED" : "DRAFT",
            shadow: seat.state === "SHADOW",
            recommendation: "YES",
            submittedAt: submitted ? new Date(scheduledAt.getTime() + (60 + seat.hours * 60) * 60_000) : null,
            ratings: {
              create: script.cells.map((cell, i) => {
                const score = seat.scores[i] ?? null;
                return { ...cell, score: score === "NA" ? null : score, notAssessed: score === "NA" };
              }),
            },
          },
        });
      }
    }
  }
  return candidateIds;
}

const unitRowSchema = z.object({ competencyId: z.string(), scores: z.array(z.number().int()) });
const leniencyRowSchema = z.object({ rater: z.string(), unit: z.string(), score: z.number() });
const panelistRowSchema = z.object({
  userId: z.string(),
  scorecards: z.number().int(),
  medianHoursToSubmit: z.number().nullable(),
  submittedAfter24h: z.number().int(),
  one: z.number().int(),
  two: z.number().int(),
  three: z.number().int(),
  four: z.number().int(),
  notAssessed: z.number().int(),
});

/** The page's figures from every raw rating in scope, as calibration computed them before the aggregates. */
async function rawCalibration(actor: Actor, input: { scriptId?: string }, seesEveryone: boolean) {
  const scoped = scopedScorecards(actor, input);
  const unitScope = seesEveryone ? Prisma.sql`TRUE` : Prisma.sql`s."interviewId" IN (SELECT "interviewId" FROM scoped WHERE "panelistId" = ${actor.userId})`;
  const [units, leniency, panelists] = await Promise.all([
    db().$queryRaw`${scoped}
      SELECT r."competencyId", array_agg(r."score") AS "scores"
      FROM scoped s JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
      WHERE r."score" IS NOT NULL AND ${unitScope}
      GROUP BY s."interviewId", r."itemId", r."competencyId"`.then((rows) => z.array(unitRowSchema).parse(rows)),
    db().$queryRaw`${scoped}
      SELECT s."panelistId" AS "rater", s."candidateId" || '|' || r."competencyId" AS "unit", avg(r."score")::float8 AS "score"
      FROM scoped s JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
      WHERE r."score" IS NOT NULL
      GROUP BY s."panelistId", s."candidateId", r."competencyId"`.then((rows) => z.array(leniencyRowSchema).parse(rows)),
    db().$queryRaw`${scoped}
      SELECT s."panelistId" AS "userId", count(DISTINCT s."scorecardId")::int AS "scorecards",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (x."submittedAt" - (x."scheduledAt" + make_interval(mins => x."plannedMinutes")))) / 3600.0)
          FROM scoped x WHERE x."panelistId" = s."panelistId")::float8 AS "medianHoursToSubmit",
        (SELECT count(*) FROM scoped x WHERE x."panelistId" = s."panelistId"
          AND extract(epoch FROM (x."submittedAt" - (x."scheduledAt" + make_interval(mins => x."plannedMinutes")))) / 3600.0 > 24)::int AS "submittedAfter24h",
        (count(*) FILTER (WHERE r."score" = 1))::int AS "one", (count(*) FILTER (WHERE r."score" = 2))::int AS "two",
        (count(*) FILTER (WHERE r."score" = 3))::int AS "three", (count(*) FILTER (WHERE r."score" = 4))::int AS "four",
        (count(*) FILTER (WHERE r."notAssessed"))::int AS "notAssessed"
      FROM scoped s LEFT JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
      WHERE ${seesEveryone ? Prisma.sql`TRUE` : Prisma.sql`s."panelistId" = ${actor.userId}`}
      GROUP BY s."panelistId"`.then((rows) => z.array(panelistRowSchema).parse(rows)),
  ]);
  const byCompetency = new Map<string, number[][]>();
  for (const u of units) byCompetency.set(u.competencyId, [...(byCompetency.get(u.competencyId) ?? []), u.scores]);
  const all = units.map((u) => u.scores);
  const [overallInterval] = alphaIntervals([all, ...(seesEveryone ? byCompetency.values() : [])]);
  return { units: all, byCompetency, leniency: leniencyOffsets(leniency), panelists, overallInterval: overallInterval! };
}

const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) expect(a).toBe(b);
  else expect(a).toBeCloseTo(b, 9);
};

async function expectSameAsRaw(actor: Actor, input: { scriptId?: string } = {}) {
  const seesEveryone = actor.role === "HR" || actor.role === "HIRING_MANAGER";
  const [page, raw] = await Promise.all([getCalibration(db(), actor, input), rawCalibration(actor, input, seesEveryone)]);
  expect(page.panelists.map((p) => p.userId).sort()).toEqual(raw.panelists.map((p) => p.userId).sort());
  for (const p of page.panelists) {
    const r = raw.panelists.find((x) => x.userId === p.userId)!;
    expect({ scorecards: p.scorecards, late: p.submittedAfter24h, ...p.distribution }).toEqual({
      scorecards: r.scorecards,
      late: r.submittedAfter24h,
      "1": r.one,
      "2": r.two,
      "3": r.three,
      "4": r.four,
      notAssessed: r.notAssessed,
    });
    close(p.medianHoursToSubmit, r.medianHoursToSubmit);
    const offset = raw.leniency.get(p.userId);
    close(p.leniencyOffset, offset?.offset ?? null);
    expect(p.offsetComparisons).toBe(offset?.comparisons ?? 0);
  }
  const overall = krippendorffAlpha(raw.units, "ordinal");
  close(page.overall.alpha, overall.alpha);
  expect(page.overall.pairableValues).toBe(overall.pairableValues);
  close(page.overall.interval.low, raw.overallInterval.low);
  close(page.overall.interval.high, raw.overallInterval.high);
  if (!seesEveryone) return page;
  expect(page.competencies.map((c) => c.id).sort()).toEqual([...raw.byCompetency.keys()].sort());
  for (const c of page.competencies) {
    const units = raw.byCompetency.get(c.id)!;
    const result = krippendorffAlpha(units, "ordinal");
    close(c.alpha, result.alpha);
    expect([c.pairableValues, c.ratings]).toEqual([result.pairableValues, units.reduce((s, u) => s + u.length, 0)]);
  }
  return page;
}

const seat = (rater: number, scores: Array<number | "NA" | null>): Seat => ({ rater, state: "SUBMITTED", scores, hours: 2 });
const ownedMostlyWorld: Plan[][] = [
  [{ day: 0, seats: [seat(2, [1, 2, 3, 4]), seat(3, [2, 2, 3, 3]), seat(4, [1, 3, 3, 4])] }],
  [{ day: 1, seats: [seat(3, [3, 3, 2, 4]), seat(4, [4, 3, 2, 4]), seat(2, [2, 2, 2, 1])] }],
  [{ day: 2, seats: [seat(2, [4, 4, 4, 4]), seat(4, [1, 1, 1, 1])] }],
];

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await db().candidate.deleteMany({ where: { orgId: w.org.id } });
});

describe("calibration from aggregates", () => {
  it("equals the raw computation on random panels, after amendments, erasure and retention, and leaves nothing once the candidates go", async () => {
    const asHr: Actor = { userId: w.hr, orgId: w.org.id, role: "HR" };
    const asManager: Actor = { userId: w.manager, orgId: w.org.id, role: "HIRING_MANAGER" };
    await fc.assert(
      fc.asyncProperty(worldArb, fc.integer({ min: 0, max: 1_000 }), async (world, pick) => {
        const candidateIds = await seedWorld(w, world);
        const asRater: Actor = { userId: w.raters[2 + (pick % 3)]!, orgId: w.org.id, role: "INTERVIEWER" };
        await expectSameAsRaw(asHr);
        await expectSameAsRaw(asManager);
        await expectSameAsRaw(asRater);
        await expectSameAsRaw(asHr, { scriptId: w.other.scriptId });

        // An amendment, a draft submitted, a submitted scorecard deleted.
        const submitted = await db().scorecard.findMany({ where: { interview: { candidateId: { in: candidateIds } }, status: "SUBMITTED" }, orderBy: { id: "asc" }, select: { id: true } });
        const rating = submitted.length ? await db().rating.findFirst({ where: { scorecardId: submitted[pick % submitted.length]!.id }, orderBy: { id: "asc" } }) : null;
        if (rating) await db().rating.update({ where: { id: rating.id }, data: { score: 1 + (pick % 4), notAssessed: false } });
        const draft = await db().scorecard.findFirst({ where: { interview: { candidateId: { in: candidateIds } }, status: "DRAFT" } });
        if (draft) await db().scorecard.update({ where: { id: draft.id }, data: { status: "SUBMITTED", submittedAt: new Date(Date.UTC(2026, 10, 25)) } });
        if (submitted.length > 1) await db().scorecard.delete({ where: { id: submitted[(pick + 1) % submitted.length]!.id } });
        await expectSameAsRaw(asHr);

        // Erasure (the organisation keeps no anonymous ratings: interviews and scorecards go) and retention's
        // anonymisation keeping ratings.
        await db().organization.update({ where: { id: w.org.id }, data: { keepAnonymousRatings: false } });
        await eraseCandidate(db(), asHr, { candidateId: candidateIds[0]! });
        if (candidateIds[1]) {
          await db().$transaction((tx) => anonymiseCandidate(tx, { candidateId: candidateIds[1]!, orgId: w.org.id, keepRatings: true, now: new Date() }));
        }
        await expectSameAsRaw(asHr);
        await expectSameAsRaw(asManager);
        await expectSameAsRaw(asRater);

        await db().candidate.deleteMany({ where: { id: { in: candidateIds } } });
        const [patterns, raters] = await Promise.all([
          db().calibrationPatternTotal.findMany({ where: { orgId: w.org.id, units: { not: 0 } } }),
          db().calibrationRaterTotal.findMany({ where: { orgId: w.org.id } }),
        ]);
        expect({ patterns, raters }).toEqual({ patterns: [], raters: [] });
      }),
      // First, a world where the manager owns most scorecards and a third candidate lies outside their scope.
      { numRuns: 4, seed: 18, examples: [[ownedMostlyWorld, 0]] },
    );
  });
});

// The comparison's figures as the database sends them (one group per competency list, see asCellGroups in
// compare-candidates.ts) must land in the right columns for every candidate, whichever lists the candidates
// have, and the answer must travel through the tRPC transformer exactly as superjson would send it.
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { cellAt } from "@/lib/insights/comparison-cells";
import { asPlainJsonResult, transformer } from "@/server/api/transformer";
import { db } from "@/server/db";
import { rebuildInsightAggregates } from "@/server/services/insights/aggregates";
import { candidateData } from "./factories";
import { compareAs, createInsightsFixture, type InsightsFixture } from "./insights-factories";

let f: InsightsFixture;
/** Rated only on empathy and ethics (not crisis handling): a competency list of its own. */
let sam: { id: string };

beforeAll(async () => {
  f = await createInsightsFixture();
  const script = f.scripts.manager;
  sam = await db().candidate.create({ data: await candidateData(f.org.id, { name: "Sam Partial", vacancyId: f.vacancyId, stageId: f.stageId }) });
  const interview = await db().interview.create({
    data: {
      orgId: f.org.id,
      candidateId: sam.id,
      stageId: f.stageId,
      scriptVersionId: script.versionId,
      scheduledAt: new Date("2026-11-03T10:00:00Z"),
      status: "COMPLETED",
      panel: { create: [{ userId: f.panelists.ada.userId }, { userId: f.panelists.ben.userId }] },
    },
  });
  for (const [panelistId, scores] of [
    [f.panelists.ada.userId, [2, 4]],
    [f.panelists.ben.userId, [3, null]],
  ] as const) {
    await db().scorecard.create({
      data: {
        orgId: f.org.id,
        interviewId: interview.id,
        panelistId,
        status: "SUBMITTED",
        recommendation: "YES",
        summary: "Partly rated.",
        submittedAt: new Date("2026-11-03T12:00:00Z"),
        ratings: {
          create: script.cells.slice(0, 2).map((cell, i) => ({ ...cell, score: scores[i] ?? null, notAssessed: scores[i] === null })),
        },
      },
    });
  }
});

type Figures = { mean: number | null; n: number; notAssessed: number };

/** Every candidate's figures per competency counted straight from the submitted ratings: the oracle. */
async function figuresFromRatings(orgId: string): Promise<Map<string, Figures>> {
  const rows = await db().$queryRaw<Array<{ candidateId: string; competencyId: string; sum: number; n: number; na: number }>>(Prisma.sql`
    SELECT i."candidateId", r."competencyId", coalesce(sum(r."score"), 0)::int AS "sum", count(r."score")::int AS "n",
      count(*) FILTER (WHERE r."notAssessed")::int AS "na"
    FROM "Rating" r
    JOIN "Scorecard" sc ON sc."id" = r."scorecardId"
    JOIN "Interview" i ON i."id" = sc."interviewId"
    WHERE sc."orgId" = ${orgId} AND sc."status" = 'SUBMITTED'
    GROUP BY 1, 2`);
  return new Map(rows.map((r) => [`${r.candidateId} ${r.competencyId}`, { mean: r.n === 0 ? null : r.sum / r.n, n: r.n, notAssessed: r.na }]));
}

describe("the comparison's cells", () => {
  it("put every candidate's figures under the right competency when candidates were rated on different competencies", async () => {
    const lists = await db().$queryRaw<Array<{ lists: number }>>`
      SELECT count(DISTINCT ci."competencyIds")::int AS "lists" FROM "CandidateInsight" ci
      JOIN "Candidate" c ON c."id" = ci."candidateId" WHERE c."orgId" = ${f.org.id}`;
    expect(lists[0]!.lists, "the fixture has candidates with different competency lists").toBeGreaterThanOrEqual(2);

    const expected = await figuresFromRatings(f.org.id);
    // The candidate-filter path (CandidateInsight) and the grouped path (a date filter) alike.
    for (const input of [{ blind: false }, { from: new Date("2000-01-01T00:00:00Z"), blind: false }]) {
      const result = await compareAs(f.hr.caller, input);
      expect(result.rows).toHaveLength(6);
      for (const row of result.rows) {
        result.competencies.forEach((competency, column) => {
          const want = expected.get(`${row.candidateId} ${competency.id}`) ?? { mean: null, n: 0, notAssessed: 0 };
          expect(cellAt(row, column), `${row.label}, ${competency.name}`).toEqual(want);
        });
      }
      const partial = result.rows.find((r) => r.candidateId === sam.id)!;
      // Empathy (2, 3) and ethics (4, not assessed); crisis handling was never rated.
      expect(result.competencies.map((c, i) => [c.name, cellAt(partial, i)])).toEqual(
        expect.arrayContaining([
          [expect.stringMatching(/empathy/i), { mean: 2.5, n: 2, notAssessed: 0 }],
          [expect.stringMatching(/ethic/i), { mean: 4, n: 1, notAssessed: 1 }],
          [expect.stringMatching(/crisis/i), { mean: null, n: 0, notAssessed: 0 }],
        ]),
      );
    }
  });

  it("still list a candidate whose submitted scorecards rated no competency, with empty figures", async () => {
    // What a submitted scorecard without ratings leaves behind: an insight row with empty lists.
    await db().$executeRaw`
      UPDATE "CandidateInsight" SET "competencyIds" = '{}', "sums" = '{}', "counts" = '{}', "notAssessed" = '{}'
      WHERE "candidateId" = ${f.candidates.rosa.id}`;
    const result = await compareAs(f.hr.caller, { vacancyId: f.peerSupport.vacancyId, blind: false });
    const rosa = result.rows.find((r) => r.candidateId === f.candidates.rosa.id)!;
    expect(rosa).toMatchObject({ scorecards: 3, weightedScore: null });
    expect([...rosa.sums, ...rosa.counts, ...rosa.notAssessed].every((n) => n === 0)).toBe(true);
    // Without a score she sorts after the candidate who has one.
    expect(result.rows.map((r) => r.label)).toEqual(["Quinn Ortega", "Rosa Lindqvist"]);
  });
});

describe("the comparison's weights", () => {
  it("score each candidate with their own script version's weights, and head the columns with the filtered script's latest", async () => {
    const script = f.scripts.manager;
    const [empathy, ethics, crisis] = [script.cells[0]!.competencyId, script.cells[1]!.competencyId, script.cells[3]!.competencyId];
    // Version 2 of the manager's script weights crisis handling most; Sam's interview moves to it.
    const v2 = await db().scriptVersion.create({
      data: {
        scriptId: script.scriptId,
        version: 2,
        publishedAt: new Date("2026-11-03T09:00:00Z"),
        weights: {
          create: [
            { competencyId: empathy, weight: 20, position: 0 },
            { competencyId: ethics, weight: 30, position: 1 },
            { competencyId: crisis, weight: 50, position: 2 },
          ],
        },
      },
    });
    await db().interview.updateMany({ where: { candidateId: sam.id }, data: { scriptVersionId: v2.id } });
    await rebuildInsightAggregates(db(), f.org.id);

    const byScript = await compareAs(f.hr.caller, { scriptId: script.scriptId, blind: false });
    expect(byScript.competencies.map((c) => [c.id, c.weight])).toEqual([
      [empathy, 20],
      [ethics, 30],
      [crisis, 50],
    ]);
    const samRow = byScript.rows.find((r) => r.candidateId === sam.id)!;
    // Empathy 2.5 and ethics 4 under version 2's weights; crisis handling was not rated, so it does not count.
    expect(samRow.weightedScore).toBeCloseTo((2.5 * 20 + 4 * 30) / 50, 10);
    const nora = byScript.rows.find((r) => r.candidateId === f.candidates.nora.id)!;
    expect(nora.weightedScore).toBeCloseTo((50 * (17 / 6) + 30 * (7 / 3) + 20 * (7 / 3)) / 100, 10);

    // Without a script filter the two versions have no single set of weights to show.
    const byVacancy = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    expect(byVacancy.competencies.map((c) => c.weight)).toEqual([null, null, null]);
    expect(byVacancy.rows.find((r) => r.candidateId === sam.id)!.weightedScore).toBeCloseTo(samRow.weightedScore!, 10);
  });
});

describe("the comparison on the wire", () => {
  it("is sent exactly as superjson would send it, without the plain-JSON walk", async () => {
    const result = await f.hr.caller.insights.compare({ blind: true });
    const sent = JSON.parse(JSON.stringify(transformer.output.serialize(asPlainJsonResult(result)))) as unknown;
    expect(sent).toEqual(JSON.parse(JSON.stringify(superjson.serialize(result))));
    expect(transformer.output.deserialize(sent)).toEqual(result);
  });

  it("refuses to vouch for a value that is not plain JSON outside production", () => {
    expect(() => asPlainJsonResult({ at: new Date() })).toThrow(/not plain JSON/);
    expect(() => asPlainJsonResult({ score: Number.NaN })).toThrow(/not plain JSON/);
  });
});

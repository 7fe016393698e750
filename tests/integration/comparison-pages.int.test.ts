// The organisation-wide comparison in pages (issue 18) against a real Postgres: keyset pages are contiguous
// and never overlap, also across ties and candidates without a key; the figures and orders are the
// comparison's (insights-factories.ts' hand-picked scores); a viewer with a pending seat sees no figure of
// that panel; another organisation sees nothing; the streamed CSV holds the pages' rows in their order.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { ComparisonPage, ComparisonPageInput } from "@/lib/schemas/comparison-pages";
import { db } from "@/server/db";
import { streamComparisonCsv } from "@/server/services/insights/stream-comparison-csv";
import { callerFor, candidateData, createOrganization, vacancyFor } from "./factories";
import { compareAs, createInsightsFixture, interviewWithScores, type InsightsFixture } from "./insights-factories";

let f: InsightsFixture;
let tess: { id: string; stageId: string | null };
let ties: Array<{ id: string }>;
let otherAdmin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  f = await createInsightsFixture();
  const { ada, ben } = f.panelists;
  const script = f.scripts.admin;
  const vacancy = await vacancyFor(f.org.id, { title: "Ties", scriptVersionId: script.versionId });
  const candidate = async (name: string, minute: number) =>
    db().candidate.create({ data: await candidateData(f.org.id, { name, ...vacancy, createdAt: new Date(Date.UTC(2026, 9, 2, 9, minute)) }) });
  // Six candidates with the same scores (weighted 2.0, every mean 2): ties on every numeric key, and on the date two by two.
  ties = [];
  for (let i = 0; i < 6; i++) {
    const c = await candidate(`Tie ${i + 1}`, Math.floor(i / 2));
    await interviewWithScores(f.org.id, c, script, [{ panelistId: ada.userId, scores: [2, 2, 2, 2] }]);
    ties.push(c);
  }
  // Rated "not assessed" throughout: a row without a weighted score or any mean (last in every numeric order).
  const unrated = await candidate("Una Rated", 10);
  await interviewWithScores(f.org.id, unrated, script, [{ panelistId: ada.userId, scores: ["NA", "NA", "NA", "NA"] }]);
  // HR sits on Tess's first panel without having submitted: only her second interview counts for HR.
  tess = await candidate("Tess Pending", 11);
  const first = await interviewWithScores(f.org.id, tess, script, [{ panelistId: ada.userId, scores: [4, 4, 4, 4] }]);
  await db().panelMember.create({ data: { interviewId: first, userId: f.hr.userId } });
  await interviewWithScores(f.org.id, tess, script, [{ panelistId: ben.userId, scores: [1, 1, 1, 1] }], new Date("2026-11-03T10:00:00Z"));
  const other = await createOrganization(["ADMIN"]);
  otherAdmin = callerFor(other.members.ADMIN.userId);
});

type Caller = ReturnType<typeof callerFor>;
type Sort = Pick<ComparisonPageInput, "sort" | "dir" | "competencyId">;

/** Every page in turn, forward from the first and backward from the last, as ids in order. */
async function walk(caller: Caller, input: Omit<ComparisonPageInput, "after" | "before">) {
  const forward: string[][] = [];
  let page: ComparisonPage = await caller.insights.comparePage(input);
  forward.push(page.rows.map((r) => r.candidateId));
  while (page.next) {
    page = await caller.insights.comparePage({ ...input, after: page.next });
    forward.push(page.rows.map((r) => r.candidateId));
  }
  const backward: string[][] = [page.rows.map((r) => r.candidateId)];
  while (page.previous) {
    page = await caller.insights.comparePage({ ...input, before: page.previous });
    backward.unshift(page.rows.map((r) => r.candidateId));
  }
  return { forward, backward, total: page.total };
}

const empathy = () => f.scripts.manager.cells[0]!.competencyId;

describe("comparison pages", () => {
  it("are contiguous and never overlap, across ties and keyless rows, forward and back, in every order", async () => {
    const sorts: Sort[] = [
      { sort: "score", dir: "desc" },
      { sort: "score", dir: "asc" },
      { sort: "competency", competencyId: empathy(), dir: "desc" },
      { sort: "name", dir: "asc" },
      { sort: "date", dir: "desc" },
    ];
    // Every order as admin; as HR (whose pending candidate is grouped apart and merged in) the default one.
    for (const [caller, callerSorts] of [[f.admin.caller, sorts], [f.hr.caller, sorts.slice(0, 1)]] as const) {
      for (const sort of callerSorts) {
        const whole = await caller.insights.comparePage({ blind: false, ...sort });
        const { forward, backward, total } = await walk(caller, { blind: false, ...sort, pageSize: 3 });
        const ids = forward.flat();
        expect(ids, `${sort.sort} ${sort.dir}: the pages, end to end, are the one long page`).toEqual(whole.rows.map((r) => r.candidateId));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(total);
        expect(backward, `${sort.sort} ${sort.dir}: the same pages going back`).toEqual(forward);
        expect(forward.slice(0, -1).every((p) => p.length === 3)).toBe(true);
      }
    }
    const whole = await f.admin.caller.insights.comparePage({ blind: false });
    expect(whole.total).toBe(13);
    // Ties share a score; the keyless candidate comes last.
    expect(whole.rows.filter((r) => r.weightedScore === 2).map((r) => r.candidateId).sort()).toEqual(ties.map((t) => t.id).sort());
    expect(whole.rows.at(-1)!.label).toBe("Una Rated");
    const ascending = await f.admin.caller.insights.comparePage({ blind: false, dir: "asc" });
    expect(ascending.rows.at(-1)!.label).toBe("Una Rated");
  });

  it("shows the comparison's figures, filters and orders (hand-computed on the Crisis Worker vacancy)", async () => {
    const byScore = await f.hr.caller.insights.comparePage({ blind: false, vacancyId: f.vacancyId });
    expect(byScore.rows.map((r) => r.label)).toEqual(["Pia Sol", "Nora Quill", "Omar Reyes"]);
    expect(byScore.rows[1]!.weightedScore).toBeCloseTo((50 * (17 / 6) + 30 * (7 / 3) + 20 * (7 / 3)) / 100, 10);
    const empathyAsc = await f.hr.caller.insights.comparePage({ blind: false, vacancyId: f.vacancyId, sort: "competency", competencyId: empathy(), dir: "asc" });
    expect(empathyAsc.rows.map((r) => r.label)).toEqual(["Omar Reyes", "Nora Quill", "Pia Sol"]);
    const byName = await f.hr.caller.insights.comparePage({ blind: false, vacancyId: f.vacancyId, sort: "name", dir: "asc" });
    expect(byName.rows.map((r) => r.label)).toEqual(["Nora Quill", "Omar Reyes", "Pia Sol"]);

    // Every filter the page offers gives the comparison's candidates with the comparison's figures.
    const filters = [{}, { vacancyId: f.vacancyId }, { status: "ACTIVE" as const }, { stageId: f.stageId }, { interviewerId: f.panelists.cleo.userId }];
    for (const filter of filters) {
      const compared = await compareAs(f.hr.caller, { blind: false, ...filter });
      const page = await f.hr.caller.insights.comparePage({ blind: false, ...filter });
      expect(page.rows.map((r) => r.candidateId).sort(), JSON.stringify(filter)).toEqual(compared.rows.map((r) => r.candidateId).sort());
      for (const row of compared.rows) {
        const paged = page.rows.find((r) => r.candidateId === row.candidateId)!;
        expect(paged.weightedScore === null).toBe(row.weightedScore === null);
        if (row.weightedScore !== null) expect(paged.weightedScore).toBeCloseTo(row.weightedScore, 10);
        expect({ scorecards: paged.scorecards, interviews: paged.interviews, recommendations: paged.recommendations }).toEqual({
          scorecards: row.scorecards,
          interviews: row.interviews,
          recommendations: row.recommendations,
        });
        for (const [i, c] of compared.competencies.entries()) {
          const column = page.competencies.findIndex((p) => p.id === c.id);
          expect(column >= 0 ? [paged.sums[column], paged.counts[column]] : [0, 0]).toEqual([row.sums[i], row.counts[i]]);
        }
      }
    }
  });

  it("keeps a pending seat's panel out of the viewer's figures, and another organisation out altogether", async () => {
    const row = async (caller: Caller) => (await caller.insights.comparePage({ blind: false, sort: "name", dir: "asc" })).rows.find((r) => r.candidateId === tess.id);
    // Admin sees both of Tess's scorecards (means 4 and 1: 2.5); HR only the second one's 1s.
    expect(await row(f.admin.caller)).toMatchObject({ scorecards: 2, weightedScore: 2.5 });
    expect(await row(f.hr.caller)).toMatchObject({ scorecards: 1, weightedScore: 1 });
    const hrPage = await f.hr.caller.insights.comparePage({ blind: false });
    expect(hrPage.withheld.candidateIds).toContain(tess.id);

    const ours = await f.admin.caller.insights.comparePage({ blind: false, pageSize: 2 });
    expect(ours.rows.map((r) => r.candidateId)).not.toContain(f.candidates.foreign.id);
    const theirs = await otherAdmin.insights.comparePage({ blind: false });
    expect(theirs).toMatchObject({ rows: [], total: 0, next: null });
    // A cursor from our pages leads them nowhere into ours.
    expect((await otherAdmin.insights.comparePage({ blind: false, after: ours.next! })).rows).toEqual([]);
  });

  it("streams the CSV in batches with the pages' rows in the pages' order, and audits the export", async () => {
    const hr = { userId: f.hr.userId, orgId: f.org.id, role: "HR" as const };
    const query = { blind: true, sort: "score" as const, dir: "desc" as const };
    const chunks: string[] = [];
    for await (const chunk of streamComparisonCsv(db(), hr, query, 3)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(4);
    const [header, ...records] = parse(chunks.join(""), { bom: true }) as string[][];
    expect(header!.slice(0, 3)).toEqual(["Candidate", "Vacancy", "Weighted score"]);
    const { forward } = await walk(f.hr.caller, { ...query, pageSize: 4 });
    const labels = new Map((await f.hr.caller.insights.comparePage({ ...query })).rows.map((r) => [r.candidateId, r.label]));
    expect(records.map((r) => r[0])).toEqual(forward.flat().map((id) => labels.get(id)));
    expect(records.map((r) => r[0])).not.toContain("Nora Quill");
    const audit = await db().auditEvent.findFirst({ where: { orgId: f.org.id, action: "insights.comparison_exported" } });
    expect(audit).toMatchObject({ actorId: f.hr.userId });
  });
});

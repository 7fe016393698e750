// Insights at the benchmark issue's scale: an organisation with a million submitted ratings whose largest
// vacancy has 2,000 candidates (3–5 panelists, 8–20 questions, 1–3 competencies per question), a quarter of
// them with a decision at its one stage.
// Skipped unless asked for: seeding a million ratings takes minutes, too long for every test run (the
// benchmark issue measures the same paths through HTTP).
// Run: INSIGHTS_BENCH=1 npx vitest run --project integration tests/integration/insights-scale.int.test.ts
import { describe, expect, it } from "vitest";
import pg from "pg";
import superjson from "superjson";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { rebuildInsightAggregates } from "@/server/services/insights/aggregates";
import { compareQueries } from "@/server/services/insights/_shared/compare-queries";
import { candidateSummaryQueries } from "@/server/services/insights/get-candidate-summary";
import { vacancyFor } from "./factories";
import { compareAs, createInsightsFixture } from "./insights-factories";

const LARGEST = "Bench Largest";
const LARGEST_CANDIDATES = 2_000;
const TARGET_RATINGS = 1_000_000;

/** A published script with `items` questions rating 1, 2 or 3 competencies in turn, equal weights. */
async function benchScript(orgId: string, createdById: string, prefix: string, items: number) {
  const comps = await db().competency.findMany({ where: { orgId: null }, orderBy: { sortOrder: "asc" }, select: { id: true } });
  const scriptId = `${prefix}-script`;
  const versionId = `${prefix}-v`;
  const sectionId = `${prefix}-sec`;
  await db().interviewScript.create({
    data: { id: scriptId, orgId, title: `Bench ${prefix}`, role: prefix, status: "PUBLISHED", createdById },
  });
  await db().scriptVersion.create({ data: { id: versionId, scriptId, version: 1, publishedAt: new Date() } });
  await db().scriptSection.create({ data: { id: sectionId, versionId, position: 0, title: "All" } });
  const cells: Array<{ itemId: string; competencyId: string }> = [];
  for (let q = 0; q < items; q++) {
    const itemId = `${prefix}-q${q}`;
    await db().scriptItem.create({ data: { id: itemId, sectionId, position: q, text: `Question ${q}` } });
    for (let k = 0; k < 1 + (q % 3); k++) {
      const competencyId = comps[(q + k * 4) % comps.length]!.id;
      await db().scriptItemCompetency.create({ data: { itemId, competencyId, position: k } });
      cells.push({ itemId, competencyId });
    }
  }
  const rated = [...new Set(cells.map((c) => c.competencyId))];
  await db().scriptVersionCompetency.createMany({
    data: rated.map((competencyId, position) => ({ versionId, competencyId, position, weight: 1 })),
  });
  return { scriptId, versionId, cells };
}

/** Candidates g in [from, to) with one interview each at their vacancy's stage, 3–5 panelists, every cell rated. */
async function seedCandidates(
  orgId: string,
  prefix: string,
  range: { from: number; to: number },
  vacancy: (g: number) => { vacancyId: string; stageId: string },
  script: { versionId: string; cells: Array<{ itemId: string; competencyId: string }> },
  panel: string[],
) {
  const placed = Array.from({ length: range.to - range.from }, (_, i) => vacancy(range.from + i));
  await db().$executeRaw`
    INSERT INTO "Person" ("id", "orgId") SELECT ${prefix} || '-p' || g, ${orgId} FROM generate_series(${range.from}::int, ${range.to - 1}::int) g`;
  await db().$executeRaw`
    INSERT INTO "Candidate" ("id", "orgId", "name", "vacancyId", "stageId", "personId", "createdAt", "updatedAt")
    SELECT ${prefix} || '-c' || g, ${orgId}, 'Bench ' || g, (${placed.map((p) => p.vacancyId)}::text[])[g - ${range.from} + 1],
      (${placed.map((p) => p.stageId)}::text[])[g - ${range.from} + 1], ${prefix} || '-p' || g, now(), now()
    FROM generate_series(${range.from}::int, ${range.to - 1}::int) g`;
  await db().$executeRaw`
    INSERT INTO "Interview" ("id", "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", "status", "createdAt", "updatedAt")
    SELECT ${prefix} || '-i' || g, ${orgId}, c."id", ${script.versionId}, c."stageId",
      timestamp '2026-01-01' + g * interval '7 minutes', 'COMPLETED', now(), now()
    FROM generate_series(${range.from}::int, ${range.to - 1}::int) g
    JOIN "Candidate" c ON c."id" = ${prefix} || '-c' || g`;
  await db().$executeRaw`
    INSERT INTO "Scorecard" ("id", "orgId", "interviewId", "panelistId", "status", "recommendation", "summary", "startedAt", "submittedAt", "updatedAt")
    SELECT ${prefix} || '-s' || g || '-' || p.n, ${orgId}, ${prefix} || '-i' || g, p.id, 'SUBMITTED',
      (ARRAY['STRONG_NO','NO','YES','STRONG_YES']::"Recommendation"[])[1 + abs(hashtext(g || '-' || p.n)) % 4], '',
      now(), timestamp '2026-01-01' + g * interval '7 minutes' + (p.n * interval '3 hours'), now()
    FROM generate_series(${range.from}::int, ${range.to - 1}::int) g
    CROSS JOIN unnest(${panel}::text[]) WITH ORDINALITY AS p(id, n)
    WHERE p.n <= 3 + g % 3`;
  await db().$executeRaw`
    INSERT INTO "Rating" ("id", "scorecardId", "itemId", "competencyId", "score", "notAssessed", "updatedAt")
    SELECT sc."id" || '-' || cell.n, sc."id", cell.item, cell.comp,
      CASE WHEN abs(hashtext(sc."id" || cell.n)) % 20 = 0 THEN NULL ELSE 1 + abs(hashtext(sc."id" || 'x' || cell.n)) % 4 END,
      abs(hashtext(sc."id" || cell.n)) % 20 = 0, now()
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    CROSS JOIN unnest(${script.cells.map((c) => c.itemId)}::text[], ${script.cells.map((c) => c.competencyId)}::text[]) WITH ORDINALITY AS cell(item, comp, n)
    WHERE sc."orgId" = ${orgId} AND i."scriptVersionId" = ${script.versionId}`;
}

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(label: string, runs: number, run: () => Promise<unknown>) {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  console.log(`[bench] ${label}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} runs)`);
  return { p50, p95 };
}

describe.skipIf(!process.env.INSIGHTS_BENCH)("insights at a million ratings", () => {
  it("compares the largest vacancy, at its stage too, summarises and calibrates", { timeout: 1_800_000 }, async () => {
    const f = await createInsightsFixture();
    const orgId = f.org.id;
    const prefix = `bench${Date.now()}`;
    const panel = [f.panelists.ada, f.panelists.ben, f.panelists.cleo, f.panelists.dev, f.otherManager].map((p) => p.userId);
    const started = performance.now();
    // The largest vacancy: 16 questions (32 cells); everything else: 12 questions (24 cells) over 6 vacancies.
    const big = await benchScript(orgId, f.manager.userId, `${prefix}-big`, 16);
    const rest = await benchScript(orgId, f.manager.userId, `${prefix}-rest`, 12);
    const largest = await vacancyFor(orgId, { title: LARGEST, scriptVersionId: big.versionId });
    const others = await Promise.all(
      Array.from({ length: 6 }, (_, i) => vacancyFor(orgId, { title: `Bench Vacancy ${i}`, scriptVersionId: rest.versionId })),
    );
    await seedCandidates(orgId, `${prefix}-b`, { from: 1, to: LARGEST_CANDIDATES + 1 }, () => largest, big, panel);
    const bigRatings = LARGEST_CANDIDATES * 4 * big.cells.length;
    const restCandidates = Math.round((TARGET_RATINGS - bigRatings) / (4 * rest.cells.length));
    await seedCandidates(orgId, `${prefix}-r`, { from: 1, to: restCandidates + 1 }, (g) => others[g % 6]!, rest, panel);
    // A decision on every fourth candidate of the largest vacancy, for the latest-outcome column.
    await db().$executeRaw`
      INSERT INTO "Debrief" ("id", "orgId", "candidateId", "stageId", "status", "closedAt")
      SELECT ${prefix} || '-d' || g, ${orgId}, ${prefix} || '-b-c' || g, ${largest.stageId}, 'CLOSED', now()
      FROM generate_series(4, ${LARGEST_CANDIDATES}::int, 4) g`;
    await db().$executeRaw`
      INSERT INTO "Decision" ("id", "orgId", "debriefId", "candidateId", "stageId", "outcome", "rationale")
      SELECT ${prefix} || '-x' || g, ${orgId}, ${prefix} || '-d' || g, ${prefix} || '-b-c' || g, ${largest.stageId},
        (ARRAY['APPOINT','RESERVE','REJECT']::"DecisionOutcome"[])[1 + g % 3], 'Empathy shown throughout.'
      FROM generate_series(4, ${LARGEST_CANDIDATES}::int, 4) g`;
    await rebuildInsightAggregates(db(), orgId);
    await db().$executeRawUnsafe(`VACUUM ANALYZE`);
    const ratingCount = await db().rating.count({ where: { scorecard: { orgId } } });
    console.log(`[bench] ${ratingCount} ratings seeded in ${Math.round(performance.now() - started)} ms`);
    expect(ratingCount).toBeGreaterThan(900_000);

    const hrActor: Actor = { userId: f.hr.userId, orgId, role: "HR" };
    const input = { vacancyId: largest.vacancyId, blind: false };
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    try {
      const runSql = (sql: Prisma.Sql) => pool.query(sql.text, sql.values as unknown[]);
      const queries = compareQueries(hrActor, input);
      const floor = await timed("compare largest vacancy, SQL floor (pg, both statements in parallel)", 15, () =>
        Promise.all([runSql(queries.candidates), runSql(queries.cells)]),
      );
      const caller = await timed("compare largest vacancy, tRPC caller", 15, () => f.hr.caller.insights.compare(input));
      const result = await compareAs(f.hr.caller, input);
      expect(result.rows).toHaveLength(LARGEST_CANDIDATES);
      expect(result.rows.filter((r) => r.outcome !== null)).toHaveLength(LARGEST_CANDIDATES / 4);
      await timed("compare largest vacancy at its stage, tRPC caller", 5, () =>
        f.hr.caller.insights.compare({ ...input, stageId: largest.stageId }),
      );
      const t0 = performance.now();
      const payload = JSON.stringify(superjson.serialize(result));
      console.log(
        `[bench] compare payload: ${payload.length} bytes, serialised in ${(performance.now() - t0).toFixed(1)} ms; caller/floor p95 ${(caller.p95 / floor.p95).toFixed(2)}`,
      );
      await timed("compare largest vacancy, blind, tRPC caller", 5, () => f.hr.caller.insights.compare({ ...input, blind: true }));
      await timed("compare one month, tRPC caller", 5, () =>
        compareAs(f.hr.caller, { from: new Date("2026-02-01"), to: new Date("2026-03-01"), blind: false }),
      );
      await timed("compare largest vacancy, hiring manager, tRPC caller", 5, () =>
        compareAs(f.manager.caller, input),
      );
      const explain = async (label: string, sql: Prisma.Sql) => {
        const plan = await db().$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
        console.log(`[bench] plan ${label}:\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
      };
      await explain("compare cells", queries.cells);
      await explain("compare candidates", queries.candidates);

      const candidateId = `${prefix}-b-c42`;
      const summarySql = candidateSummaryQueries(hrActor, candidateId);
      await timed("candidateSummary, SQL floor", 10, () => Promise.all(summarySql.map(runSql)));
      await timed("candidateSummary, tRPC caller", 10, () => f.hr.caller.insights.candidateSummary({ candidateId, blind: true }));
      await timed("calibration, largest vacancy, tRPC caller", 3, () => f.hr.caller.insights.calibration({ vacancyId: largest.vacancyId }));
      await timed("calibration, whole org, tRPC caller", 2, () => f.hr.caller.insights.calibration({}));
    } finally {
      await pool.end();
    }
  });
});

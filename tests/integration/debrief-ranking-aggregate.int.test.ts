// StageTally, the debrief ranking's sums per candidate, stage and competency, kept by triggers in the writing
// transaction: after every kind of write that moves a candidate's submitted figures it holds exactly what
// grouping the scorecards' tallies gives (the computation the ranking used to run on every read), and the
// ranking read from it is the one the old whole computation gives, on hand-made and on random data.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { rankAtStage } from "@/lib/debriefs/mechanical";
import { seededRandom } from "@/lib/seeded-random";
import { db } from "@/server/db";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { loadPlan, rankingAt } from "@/server/services/debriefs/_shared/stage-scores";
import { debriefWorld, type DebriefWorld } from "./debrief-factories";

type Cells = Record<string, number | "NA">;
const cellRowSchema = z.object({ candidateId: z.string(), stageId: z.string(), competencyId: z.string(), total: z.number(), n: z.number() });

/** What the organisation's StageTally holds, in key order. */
async function stageTallies(orgId: string) {
  return checkedRows(
    cellRowSchema,
    await db().$queryRaw`
      SELECT st."candidateId", st."stageId", st."competencyId", st."total", st."n"
      FROM "StageTally" st JOIN "Candidate" c ON c."id" = st."candidateId"
      WHERE c."orgId" = ${orgId}
      ORDER BY 1, 2, 3`,
  );
}

/** The raw computation: the tallies of submitted scorecards grouped per candidate, stage and competency, every read. */
async function groupedTallies(orgId: string) {
  return checkedRows(
    cellRowSchema,
    await db().$queryRaw`
      SELECT i."candidateId", i."stageId", t."competencyId",
        sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int AS "total",
        sum(t."one" + t."two" + t."three" + t."four")::int AS "n"
      FROM "Interview" i
      JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
      JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
      WHERE i."orgId" = ${orgId} AND i."stageId" IS NOT NULL AND i."status" <> 'CANCELLED'::"InterviewStatus"
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
  );
}

async function expectInStep(orgId: string) {
  expect(await stageTallies(orgId)).toEqual(await groupedTallies(orgId));
}

/**
 * The ranking's query before StageTally (commit 436a8b4), kept as the oracle: every ranked candidate's
 * scorecards' tallies grouped on each read.
 */
function oldRankingScoresSql(orgId: string, vacancyId: string, stageId: string): Prisma.Sql {
  const stageIds = Prisma.sql`
    SELECT vs."id" FROM "VacancyStage" vs
    WHERE vs."vacancyId" = ${vacancyId}
      AND (vs."id" = ${stageId} OR (vs."counts" AND vs."position" <= (SELECT at."position" FROM "VacancyStage" at WHERE at."id" = ${stageId})))`;
  return Prisma.sql`
    WITH w AS (
      SELECT sw."stageId", sw."competencyId", sw."weight"::float8 AS "weight"
      FROM "VacancyStageWeight" sw WHERE sw."stageId" IN (${stageIds})
      UNION ALL
      SELECT vs."id", svc."competencyId", svc."weight"::float8
      FROM "VacancyStage" vs JOIN "ScriptVersionCompetency" svc ON svc."versionId" = vs."scriptVersionId"
      WHERE vs."id" IN (${stageIds}) AND NOT EXISTS (SELECT 1 FROM "VacancyStageWeight" own WHERE own."stageId" = vs."id")
    ),
    here AS MATERIALIZED (
      SELECT DISTINCT hi."candidateId" FROM "Interview" hi
      WHERE hi."stageId" = ${stageId} AND hi."orgId" = ${orgId} AND hi."status" <> 'CANCELLED'::"InterviewStatus"
        AND EXISTS (SELECT 1 FROM "Scorecard" hsc WHERE hsc."interviewId" = hi."id" AND hsc."status" = 'SUBMITTED'::"ScorecardStatus")
    ),
    m AS (
      SELECT i."candidateId", i."stageId", t."competencyId",
        sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::float8 / sum(t."one" + t."two" + t."three" + t."four") AS "mean"
      FROM here
      JOIN "Interview" i ON i."candidateId" = here."candidateId"
      JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
      JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
      WHERE i."orgId" = ${orgId} AND i."stageId" IN (${stageIds}) AND i."status" <> 'CANCELLED'::"InterviewStatus"
      GROUP BY i."candidateId", i."stageId", t."competencyId"
      HAVING sum(t."one" + t."two" + t."three" + t."four") > 0
    ),
    s AS (
      SELECT m."candidateId", m."stageId", (sum(w."weight" * m."mean") / sum(w."weight"))::float8 AS "score"
      FROM m
      JOIN w ON w."stageId" = m."stageId" AND w."competencyId" = m."competencyId"
      GROUP BY m."candidateId", m."stageId"
      HAVING sum(w."weight") > 0
    )
    SELECT s."candidateId", s."stageId", c."status", s."score"
    FROM s
    JOIN "Candidate" c ON c."id" = s."candidateId" AND c."vacancyId" = ${vacancyId}`;
}

const oldRowSchema = z.object({ candidateId: z.string(), stageId: z.string(), status: z.string(), score: z.number() });

/** The ranking as the old query gave it, through the same pure ranking the debrief uses. */
async function oldRankingAt(orgId: string, vacancyId: string, stageId: string) {
  const plan = await loadPlan(db(), vacancyId);
  const rows = checkedRows(oldRowSchema, await db().$queryRaw(oldRankingScoresSql(orgId, vacancyId, stageId)));
  const withdrawn = new Set(rows.filter((r) => r.status === "WITHDRAWN").map((r) => r.candidateId));
  const scores = rows.map(({ candidateId, stageId: s, score }) => ({ candidateId, stageId: s, score }));
  return { rows: scores, ranking: rankAtStage(scores, plan, stageId, withdrawn) };
}

/** Old and new give the same rows (scores to 1e-9: sums in another order) and exactly the same ranks. */
async function expectSameRanking(w: DebriefWorld, stageId: string) {
  const plan = await loadPlan(db(), w.vacancyId);
  const fresh = await rankingAt(db(), w.org.id, w.vacancyId, plan, stageId);
  const old = await oldRankingAt(w.org.id, w.vacancyId, stageId);
  const byKey = (rows: Array<{ candidateId: string; stageId: string; score: number }>) =>
    new Map(rows.map((r) => [`${r.candidateId}/${r.stageId}`, r.score]));
  const freshRows = byKey(fresh.rows);
  const oldRows = byKey(old.rows);
  expect([...freshRows.keys()].sort()).toEqual([...oldRows.keys()].sort());
  for (const [key, score] of oldRows) expect(freshRows.get(key), key).toBeCloseTo(score, 9);
  const ranks = (ranking: typeof fresh.ranking) => [...ranking].map(([id, r]) => [id, r.rank, r.rankedOf]).sort();
  expect(ranks(fresh.ranking)).toEqual(ranks(old.ranking));
  for (const [id, r] of old.ranking) expect(fresh.ranking.get(id)!.score, id).toBeCloseTo(r.score, 9);
  return fresh.ranking;
}

describe("StageTally follows every write, in the writing transaction", () => {
  let w: DebriefWorld;
  let cell: (item: "q1" | "q2" | "q3", competency: "empathy" | "ethics" | "crisis-handling") => { itemId: string; competencyId: string };

  beforeAll(async () => {
    w = await debriefWorld();
    cell = (item, competency) => ({ itemId: w.questions[item].itemId, competencyId: w.competencies[competency]! });
  });

  /** A panelist's scorecard through the app: opened, rated cell by cell (drafts), then submitted. */
  async function scoreThroughApp(panelist: DebriefWorld["panelists"][number], interviewId: string, scores: [ReturnType<typeof cell>, number | "NA"][]) {
    const card = await panelist.caller.scorecards.mine({ interviewId });
    for (const [c, score] of scores) {
      const saved = await panelist.caller.scorecards.saveRating({
        scorecardId: card.id,
        ...c,
        score: score === "NA" ? null : score,
        notAssessed: score === "NA",
        baseVersion: 0,
      });
      expect(saved.status).toBe("saved");
    }
    return card.id;
  }

  it("counts submitted ratings only: drafts add nothing, submitting adds the scorecard's levels", async () => {
    const candidate = await w.addCandidate("Rita Draft");
    const interviewId = await w.interviewAt(candidate.id, w.stages.panel, w.panelists.map((p) => p.userId));
    const [ada, ben] = w.panelists;
    const adaCard = await scoreThroughApp(ada, interviewId, [
      [cell("q1", "empathy"), 3],
      [cell("q2", "ethics"), 4],
      [cell("q2", "empathy"), 2],
      [cell("q3", "crisis-handling"), "NA"],
    ]);
    expect((await stageTallies(w.org.id)).filter((r) => r.candidateId === candidate.id)).toEqual([]);

    await ada.caller.scorecards.submit({ scorecardId: adaCard, recommendation: "YES", summary: "Clear examples throughout." });
    const benCard = await scoreThroughApp(ben, interviewId, [
      [cell("q1", "empathy"), 1],
      [cell("q2", "ethics"), 2],
      [cell("q2", "empathy"), 4],
    ]);
    await ben.caller.scorecards.submit({ scorecardId: benCard, recommendation: "NO", summary: "Thin on ethics." });
    await expectInStep(w.org.id);
    // By hand: Empathy 3 + 2 + 1 + 4 over 4 ratings; Ethics 4 + 2 over 2; Crisis handling only "not assessed".
    const rows = (await stageTallies(w.org.id)).filter((r) => r.candidateId === candidate.id);
    expect(rows.map((r) => [r.competencyId, r.stageId, r.total, r.n]).sort()).toEqual(
      [
        [w.competencies.empathy!, w.stages.panel, 10, 4],
        [w.competencies.ethics!, w.stages.panel, 6, 2],
        [w.competencies["crisis-handling"]!, w.stages.panel, 0, 0],
      ].sort(),
    );

    // An amendment changes the figure at once.
    await ben.caller.scorecards.amend({
      scorecardId: benCard,
      reason: "Misread my notes on the first question.",
      ratings: [{ ...cell("q1", "empathy"), score: 3, notAssessed: false }],
    });
    await expectInStep(w.org.id);
    const empathy = (await stageTallies(w.org.id)).find((r) => r.candidateId === candidate.id && r.competencyId === w.competencies.empathy);
    expect(empathy).toMatchObject({ total: 12, n: 4 });
  });

  it("follows an interview moved to another stage or candidate, cancelled and restored, and deletions", async () => {
    const moved = await w.scoredCandidate("Mo Moved", 4);
    const other = await w.scoredCandidate("Otto Other", 2);
    await expectInStep(w.org.id);
    const rowsOf = async (candidateId: string) => (await stageTallies(w.org.id)).filter((r) => r.candidateId === candidateId);
    expect(new Set((await rowsOf(moved.id)).map((r) => r.stageId))).toEqual(new Set([w.stages.panel]));

    // Another stage: the rows go with the interview.
    await db().interview.update({ where: { id: moved.interviewId }, data: { stageId: w.stages.task } });
    await expectInStep(w.org.id);
    expect(new Set((await rowsOf(moved.id)).map((r) => r.stageId))).toEqual(new Set([w.stages.task]));

    // Another candidate: both candidates are recounted.
    await db().interview.update({ where: { id: moved.interviewId }, data: { candidateId: other.id } });
    await expectInStep(w.org.id);
    expect(await rowsOf(moved.id)).toEqual([]);
    expect(new Set((await rowsOf(other.id)).map((r) => r.stageId))).toEqual(new Set([w.stages.panel, w.stages.task]));
    await db().interview.update({ where: { id: moved.interviewId }, data: { candidateId: moved.id, stageId: w.stages.panel } });
    await expectInStep(w.org.id);

    // Cancelled through the app: out of the figures; scheduled again: back in.
    await w.manager.caller.interviews.update({ id: moved.interviewId, status: "CANCELLED" });
    await expectInStep(w.org.id);
    expect(await rowsOf(moved.id)).toEqual([]);
    await w.manager.caller.interviews.update({ id: moved.interviewId, status: "COMPLETED" });
    await expectInStep(w.org.id);
    expect((await rowsOf(moved.id)).length).toBeGreaterThan(0);

    // One scorecard deleted, then the whole interview (its scorecards and tallies go by cascade).
    const [firstCard] = await db().scorecard.findMany({ where: { interviewId: moved.interviewId }, orderBy: { id: "asc" }, take: 1 });
    await db().scorecard.delete({ where: { id: firstCard!.id } });
    await expectInStep(w.org.id);
    expect((await rowsOf(moved.id)).find((r) => r.competencyId === w.competencies.ethics)).toMatchObject({ total: 8, n: 2 });
    await db().interview.delete({ where: { id: moved.interviewId } });
    await expectInStep(w.org.id);
    expect(await rowsOf(moved.id)).toEqual([]);
  });

  it("follows erasure (ratings deleted, or kept anonymous with upcoming interviews cancelled) and a deleted stage", async () => {
    const erased = await w.scoredCandidate("Erin Erased", 3);
    const kept = await w.scoredCandidate("Kim Kept", 2);
    await db().interview.update({ where: { id: kept.interviewId }, data: { status: "COMPLETED" } });
    // Kim also has an upcoming interview at the second stage whose panelist already submitted (oddly early).
    const upcoming = await w.interviewAt(kept.id, w.stages.task, [w.panelists[0].userId]);
    await db().interview.update({ where: { id: upcoming }, data: { scheduledAt: new Date(Date.now() + 86_400_000), status: "SCHEDULED" } });
    await w.scorecard(upcoming, w.panelists[0].userId, { submitted: true, scores: w.uniform(4) });
    await expectInStep(w.org.id);

    await w.admin.caller.privacy.erase({ candidateId: erased.id });
    await expectInStep(w.org.id);
    expect((await stageTallies(w.org.id)).filter((r) => r.candidateId === erased.id)).toEqual([]);

    await db().organization.update({ where: { id: w.org.id }, data: { keepAnonymousRatings: true } });
    await w.admin.caller.privacy.erase({ candidateId: kept.id });
    await expectInStep(w.org.id);
    const keptRows = (await stageTallies(w.org.id)).filter((r) => r.candidateId === kept.id);
    expect(new Set(keptRows.map((r) => r.stageId))).toEqual(new Set([w.stages.panel]));
    await db().organization.update({ where: { id: w.org.id }, data: { keepAnonymousRatings: false } });

    // A stage removed from the plan: its interviews lose their stage, and their rows go.
    const lone = await w.addCandidate("Lena Lone", w.stages.task);
    const loneInterview = await w.interviewAt(lone.id, w.stages.task, w.panelists.map((p) => p.userId));
    for (const p of w.panelists) await w.scorecard(loneInterview, p.userId, { submitted: true, scores: w.uniform(3) });
    const extra = await db().vacancyStage.create({ data: { vacancyId: w.vacancyId, position: 3, name: "Extra stage", scriptVersionId: w.versionId } });
    await db().interview.update({ where: { id: loneInterview }, data: { stageId: extra.id } });
    await expectInStep(w.org.id);
    expect((await stageTallies(w.org.id)).filter((r) => r.stageId === extra.id).length).toBeGreaterThan(0);
    await db().vacancyStage.delete({ where: { id: extra.id } });
    await expectInStep(w.org.id);
    expect((await stageTallies(w.org.id)).filter((r) => r.candidateId === lone.id)).toEqual([]);
  });

  it("ranks as before on the hand-made candidates", async () => {
    await expectSameRanking(w, w.stages.panel);
    await expectSameRanking(w, w.stages.task);
  });
});

describe("the ranking read from StageTally is the old query's", () => {
  // Seeded, so a failure can be replayed.
  const SEED = 20261205;
  let w: DebriefWorld;

  beforeAll(async () => {
    w = await debriefWorld();
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const c = w.competencies;
    const { q1, q2, q3 } = w.questions;
    const cells = [`${q1.itemId}/${c.empathy}`, `${q2.itemId}/${c.ethics}`, `${q2.itemId}/${c.empathy}`, `${q3.itemId}/${c["crisis-handling"]}`];
    // The practical task weighs by its own stage weights (the panel interview by its script's).
    await db().vacancyStageWeight.createMany({
      data: [
        { stageId: w.stages.task, competencyId: c.empathy!, weight: 20 },
        { stageId: w.stages.task, competencyId: c.ethics!, weight: 70 },
        { stageId: w.stages.task, competencyId: c["crisis-handling"]!, weight: 10 },
      ],
    });
    for (let k = 0; k < 36; k++) {
      const candidate = await w.addCandidate(`Random ${k}`);
      const stages = random() < 0.55 ? [w.stages.panel, w.stages.task] : [w.stages.panel];
      for (const stageId of stages) {
        const panel = w.panelists.filter(() => random() < 0.8);
        if (panel.length === 0) continue;
        const interviewId = await w.interviewAt(candidate.id, stageId, panel.map((p) => p.userId));
        for (const p of panel) {
          const scores: Cells = {};
          for (const key of cells) {
            const roll = random();
            if (roll < 0.1) continue; // left unrated
            scores[key] = roll < 0.18 ? "NA" : pick([1, 2, 3, 4]);
          }
          await w.scorecard(interviewId, p.userId, { submitted: random() < 0.85, scores });
        }
        if (random() < 0.1) await db().interview.update({ where: { id: interviewId }, data: { status: "CANCELLED" } });
      }
      if (random() < 0.1) await db().candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    }
  });

  it("gives the same ranks and scores at each stage, whether the task counts or not", async () => {
    await expectInStep(w.org.id);
    const panelRanking = await expectSameRanking(w, w.stages.panel);
    expect(panelRanking.size).toBeGreaterThan(20);
    const taskRanking = await expectSameRanking(w, w.stages.task);
    expect(taskRanking.size).toBeGreaterThan(8);
    await db().vacancyStage.update({ where: { id: w.stages.panel }, data: { counts: false } });
    await expectSameRanking(w, w.stages.task);
    await db().vacancyStage.update({ where: { id: w.stages.panel }, data: { counts: true } });
  });

  it("still does after interviews move between stages, are cancelled and deleted", async () => {
    const random = seededRandom(SEED + 1);
    const interviews = await db().interview.findMany({ where: { orgId: w.org.id }, orderBy: { id: "asc" }, select: { id: true, stageId: true } });
    for (const interview of interviews) {
      const roll = random();
      if (roll < 0.15) {
        await db().interview.update({ where: { id: interview.id }, data: { stageId: interview.stageId === w.stages.panel ? w.stages.task : w.stages.panel } });
      } else if (roll < 0.25) {
        await db().interview.update({ where: { id: interview.id }, data: { status: "CANCELLED" } });
      } else if (roll < 0.3) {
        await db().interview.delete({ where: { id: interview.id } });
      }
    }
    await expectInStep(w.org.id);
    await expectSameRanking(w, w.stages.panel);
    await expectSameRanking(w, w.stages.task);
  });
});

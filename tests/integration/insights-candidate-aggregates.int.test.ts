// CandidateInsight, the per-candidate figures a comparison filtered only by candidate reads: after every
// kind of write (submit, amend, recommendation change, reschedule, scorecard deletion, both erasure modes)
// and after a bulk rebuild, the comparison from it must equal the one grouped from the per-scorecard
// tallies. A date filter that includes everything forces the grouped path, so the two are compared whole.
import { describe, expect, it } from "vitest";
import { cellAt } from "@/lib/insights/comparison-cells";
import { db } from "@/server/db";
import { rebuildInsightAggregates } from "@/server/services/insights/aggregates";
import { compareQueries, type CompareInput } from "@/server/services/insights/_shared/compare-queries";
import { compareAs, createInsightsFixture } from "./insights-factories";
import { cellsOf, createPanelInterview, rateAndSubmit } from "./scorecard-factories";

type Caller = Awaited<ReturnType<typeof createPanelInterview>>["hr"]["caller"];

/** Every interview this test creates is scheduled well inside these dates. */
const ALL_TIME = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };

/** The comparison from CandidateInsight, after checking it equals the grouped one. */
async function compareBothWays(caller: Caller, input: CompareInput) {
  const fromCandidates = await compareAs(caller, input);
  const grouped = await compareAs(caller, { ...input, ...ALL_TIME });
  expect(fromCandidates).toEqual(grouped);
  return fromCandidates;
}

async function insightRows(orgId: string) {
  return db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT ci.* FROM "CandidateInsight" ci JOIN "Candidate" c ON c."id" = ci."candidateId"
    WHERE c."orgId" = ${orgId} ORDER BY ci."candidateId"`;
}

describe("candidate insights", () => {
  it("are what the comparison reads when only candidates are filtered, and grouping scorecards is for the rest", () => {
    const actor = { userId: "u", orgId: "o", role: "HR" as const };
    expect(compareQueries(actor, { vacancyId: "v", blind: false }).cells.sql).toContain('"CandidateInsight"');
    expect(compareQueries(actor, { status: "ACTIVE", candidateIds: ["a"], blind: false }).cells.sql).toContain('"CandidateInsight"');
    // At a stage: the candidates interviewed there alone read their insight rows, the others are grouped.
    const atStage = compareQueries(actor, { vacancyId: "v", stageId: "st", blind: false }).cells.sql;
    expect(atStage).toContain('"CandidateInsight"');
    expect(atStage).toContain('"candidate_competency_figures"');
    for (const filter of [{ scriptId: "s" }, { stageId: "st", from: new Date() }, { from: new Date() }, { to: new Date() }, { interviewerId: "u" }]) {
      const sql = compareQueries(actor, { ...filter, blind: false }).cells.sql;
      expect(sql).not.toContain('"CandidateInsight"');
      // Grouped from the scorecards' tallies by the function that also keeps CandidateInsight.
      expect(sql).toContain('"candidate_competency_figures"');
    }
  });

  it("give the same comparison as the scorecards for every role and candidate filter, and survive a bulk rebuild", async () => {
    const f = await createInsightsFixture();
    const all = await compareBothWays(f.hr.caller, { blind: false });
    expect(all.rows.map((r) => r.label).sort()).toEqual(["Nora Quill", "Omar Reyes", "Pia Sol", "Quinn Ortega", "Rosa Lindqvist"]);
    await compareBothWays(f.hr.caller, { vacancyId: f.vacancyId, blind: true });
    await compareBothWays(f.hr.caller, { status: "ACTIVE", blind: false });
    await compareBothWays(f.hr.caller, { candidateIds: [f.candidates.nora.id, f.candidates.quinn.id], blind: false });
    // The hiring manager sees the candidates on the script they wrote, and no more.
    const mine = await compareBothWays(f.manager.caller, { blind: false });
    expect(mine.rows.map((r) => r.label).sort()).toEqual(["Nora Quill", "Omar Reyes", "Pia Sol"]);
    // Nora's draft (all 4s) is not counted: three submitted scorecards, one recommendation each.
    const nora = all.rows.find((r) => r.candidateId === f.candidates.nora.id)!;
    expect(nora).toMatchObject({ interviews: 1, scorecards: 3, recommendations: { STRONG_NO: 0, NO: 1, YES: 1, STRONG_YES: 1 } });

    const before = await insightRows(f.org.id);
    expect(before).toHaveLength(5);
    await db().$executeRaw`DELETE FROM "CandidateInsight" WHERE "candidateId" = ${f.candidates.pia.id}`;
    await rebuildInsightAggregates(db(), f.org.id);
    expect(await insightRows(f.org.id)).toEqual(before);
  });

  it("follow submitting, amending, rescheduling, deleting a scorecard and both kinds of erasure", async () => {
    const p = await createPanelInterview();
    const [ada, ben, cleo] = p.panelists;
    const empathy = p.competencies.empathy!;
    const hr = p.hr.caller;
    const empathyOf = (result: Awaited<ReturnType<typeof compareBothWays>>) =>
      cellAt(result.rows[0]!, result.competencies.findIndex((c) => c.id === empathy));

    // Nothing submitted yet: no row, and the candidate is not in the comparison.
    const draft = await cleo.caller.scorecards.mine({ interviewId: p.interviewId });
    const first = cellsOf(draft)[0]!;
    await cleo.caller.scorecards.saveRating({ scorecardId: draft.id, ...first, score: 1, notAssessed: false, baseVersion: 0 });
    expect((await compareBothWays(hr, { blind: false })).rows).toEqual([]);
    expect(await insightRows(p.org.id)).toEqual([]);

    await rateAndSubmit(ada.caller, p.interviewId, 3);
    await rateAndSubmit(ben.caller, p.interviewId, 4);
    let result = await compareBothWays(hr, { vacancyId: p.vacancyId, blind: false });
    expect(result.rows[0]).toMatchObject({ scorecards: 2, interviews: 1, recommendations: { YES: 2 } });
    expect(empathyOf(result)).toEqual({ mean: 3.5, n: 4, notAssessed: 0 });

    // Ben amends one empathy rating to "not assessed" and his recommendation to STRONG_NO.
    const benCard = await ben.caller.scorecards.mine({ interviewId: p.interviewId });
    const benEmpathy = cellsOf(benCard).find((c) => c.competencyId === empathy)!;
    await ben.caller.scorecards.amend({
      scorecardId: benCard.id,
      reason: "Did not actually cover empathy on question one.",
      ratings: [{ itemId: benEmpathy.itemId, competencyId: empathy, score: null, notAssessed: true }],
      recommendation: "STRONG_NO",
    });
    result = await compareBothWays(hr, { blind: false });
    expect(empathyOf(result)).toEqual({ mean: 10 / 3, n: 3, notAssessed: 1 });
    expect(result.rows[0]!.recommendations).toEqual({ STRONG_NO: 1, NO: 0, YES: 1, STRONG_YES: 0 });

    // A second interview for the same candidate, later, then rescheduled before the first.
    const candidateId = (await db().interview.findUniqueOrThrow({ where: { id: p.interviewId } })).candidateId;
    const second = await db().interview.create({
      data: {
        orgId: p.org.id,
        candidateId,
        scriptVersionId: (await db().interview.findUniqueOrThrow({ where: { id: p.interviewId } })).scriptVersionId,
        scheduledAt: new Date("2026-12-08T10:00:00Z"),
        panel: { create: [{ userId: cleo.userId }] },
      },
    });
    await rateAndSubmit(cleo.caller, second.id, 1);
    result = await compareBothWays(hr, { blind: false });
    expect(result.rows[0]).toMatchObject({ interviews: 2, scorecards: 3 });
    expect(empathyOf(result)).toEqual({ mean: 12 / 5, n: 5, notAssessed: 1 });
    await db().interview.update({ where: { id: second.id }, data: { scheduledAt: new Date("2026-11-01T10:00:00Z") } });
    await compareBothWays(hr, { blind: false });

    // Deleting one scorecard takes its figures out at once.
    await db().scorecard.delete({ where: { id: benCard.id } });
    result = await compareBothWays(hr, { blind: false });
    expect(result.rows[0]).toMatchObject({ interviews: 2, scorecards: 2, recommendations: { STRONG_NO: 0, YES: 2 } });
    expect(empathyOf(result)).toEqual({ mean: 8 / 4, n: 4, notAssessed: 0 });

    // Erasure that keeps anonymous ratings: same figures, anonymous label, drafts gone.
    await db().organization.update({ where: { id: p.org.id }, data: { keepAnonymousRatings: true } });
    await hr.privacy.erase({ candidateId });
    const kept = await compareBothWays(hr, { blind: false });
    expect(kept.rows[0]!.label).toMatch(/^Erased candidate /);
    expect(empathyOf(kept)).toEqual(empathyOf(result));
    const rowsBefore = await insightRows(p.org.id);
    await rebuildInsightAggregates(db(), p.org.id);
    expect(await insightRows(p.org.id)).toEqual(rowsBefore);

    // Erasure that deletes: a second candidate, erased with the default mode, leaves no figures behind.
    const q = await createPanelInterview();
    await rateAndSubmit(q.panelists[0].caller, q.interviewId, 2);
    expect((await compareBothWays(q.hr.caller, { blind: false })).rows).toHaveLength(1);
    const erased = (await db().interview.findUniqueOrThrow({ where: { id: q.interviewId } })).candidateId;
    await q.hr.caller.privacy.erase({ candidateId: erased });
    expect((await compareBothWays(q.hr.caller, { blind: false })).rows).toEqual([]);
    expect(await insightRows(q.org.id)).toEqual([]);
  });

  it("count both of two panelists whose submissions overlap", async () => {
    const p = await createPanelInterview();
    const [ada, ben] = p.panelists;
    const cards: string[] = [];
    for (const [panelist, score] of [[ada, 2], [ben, 4]] as const) {
      const card = await panelist.caller.scorecards.mine({ interviewId: p.interviewId });
      for (const cell of cellsOf(card).filter((c) => c.required)) {
        await panelist.caller.scorecards.saveRating({ scorecardId: card.id, ...cell, score, notAssessed: false, baseVersion: 0 });
      }
      cards.push(card.id);
    }
    const submit = { status: "SUBMITTED" as const, recommendation: "YES" as const, submittedAt: new Date() };
    // Ada's submission recounts the candidate and stays open a moment; Ben's lands inside that moment. Ben's
    // recount must wait for Ada's commit and include her scorecard, not fail or leave her out.
    await Promise.all([
      db().$transaction(async (tx) => {
        await tx.scorecard.update({ where: { id: cards[0]! }, data: submit });
        await tx.$executeRaw`SELECT pg_sleep(0.6)`;
      }),
      new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
        db().scorecard.update({ where: { id: cards[1]! }, data: submit }),
      ),
    ]);
    const result = await compareBothWays(p.hr.caller, { blind: false });
    expect(result.rows[0]!.scorecards).toBe(2);
  });
});

// The per-scorecard tallies the comparison and calibration read: kept by database triggers through the
// real scoring flow (drafts, submission, amendment, deletion) and rebuilt in bulk to the same rows.
import { describe, expect, it } from "vitest";
import { cellAt } from "@/lib/insights/comparison-cells";
import { db } from "@/server/db";
import { rebuildInsightAggregates } from "@/server/services/insights/aggregates";
import { compareAs } from "./insights-factories";
import { cellsOf, createPanelInterview, rateAndSubmit } from "./scorecard-factories";

async function talliesOf(orgId: string) {
  return db().$queryRaw<Array<{ scorecardId: string; competencyId: string; one: number; two: number; three: number; four: number; notAssessed: number }>>`
    SELECT t.* FROM "ScorecardCompetencyTally" t JOIN "Scorecard" sc ON sc."id" = t."scorecardId"
    WHERE sc."orgId" = ${orgId}
    ORDER BY t."scorecardId", t."competencyId"`;
}

describe("insight tallies", () => {
  it("follow drafts, submission, amendment and deletion, and a bulk rebuild gives the same rows", async () => {
    const p = await createPanelInterview();
    const [ada, ben, cleo] = p.panelists;
    const empathy = p.competencies.empathy!;
    const empathyCell = async () => {
      const result = await compareAs(p.hr.caller, { blind: false });
      const column = result.competencies.findIndex((c) => c.id === empathy);
      return column === -1 ? null : cellAt(result.rows[0]!, column);
    };

    // A draft counts for nothing, however far it has got: Cleo rates a 1 and never submits.
    const draft = await cleo.caller.scorecards.mine({ interviewId: p.interviewId });
    const firstCell = cellsOf(draft)[0]!;
    await cleo.caller.scorecards.saveRating({
      scorecardId: draft.id,
      itemId: firstCell.itemId,
      competencyId: firstCell.competencyId,
      score: 1,
      notAssessed: false,
      baseVersion: 0,
    });
    expect(await talliesOf(p.org.id)).toEqual([]);
    expect(await empathyCell()).toBeNull();

    // Ada and Ben submit all 3s: empathy is rated twice on each scorecard (questions 1 and 2).
    await rateAndSubmit(ada.caller, p.interviewId, 3);
    await rateAndSubmit(ben.caller, p.interviewId, 3);
    expect(await empathyCell()).toEqual({ mean: 3, n: 4, notAssessed: 0 });

    // Ben amends his first empathy rating to a 1: the mean drops at once.
    const benCard = await ben.caller.scorecards.mine({ interviewId: p.interviewId });
    const benEmpathy = cellsOf(benCard).find((c) => c.competencyId === empathy)!;
    await ben.caller.scorecards.amend({
      scorecardId: benCard.id,
      reason: "Misread my notes on question one.",
      ratings: [{ itemId: benEmpathy.itemId, competencyId: empathy, score: 1, notAssessed: false }],
    });
    expect(await empathyCell()).toEqual({ mean: 10 / 4, n: 4, notAssessed: 0 });

    const kept = await talliesOf(p.org.id);
    expect(kept.length).toBeGreaterThan(0);
    await rebuildInsightAggregates(db(), p.org.id);
    expect(await talliesOf(p.org.id)).toEqual(kept);

    // Deleting a scorecard (as erasure does) takes its tallies with it.
    await db().scorecard.delete({ where: { id: benCard.id } });
    expect(await empathyCell()).toEqual({ mean: 3, n: 2, notAssessed: 0 });
    expect((await talliesOf(p.org.id)).every((t) => t.scorecardId !== benCard.id)).toBe(true);
  });
});

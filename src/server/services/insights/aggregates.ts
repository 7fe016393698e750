// Pre-aggregated insight data: ScorecardCompetencyTally, one row per submitted scorecard and competency with
// its ratings counted by score, and CandidateInsight, one row per candidate with submitted scorecards with
// those tallies summed per competency. Database triggers keep both current on every write (see the
// insight_tallies and candidate_insights migrations); this rebuild is for data written around them in bulk,
// e.g. the benchmark's seeding, or a repair. StageTally (the debrief ranking's sums per candidate, stage and
// competency) follows the tallies by its own triggers (the stage_tallies migration), so it is rebuilt too;
// calibration's aggregates are recounted here as well.
import type { Db } from "@/server/db";

/** Rebuilds the organisation's tallies and candidate insights from its submitted scorecards' ratings, in one transaction. */
export async function rebuildInsightAggregates(db: Db, orgId: string): Promise<void> {
  // A million ratings take tens of seconds: well past the default five-second transaction timeout.
  await db.$transaction(
    async (tx) => {
      // The same functions the triggers use: tallies of every scorecard of the organisation (drafts get none),
      // then its candidates from those tallies.
      await tx.$executeRaw`
        SELECT "refresh_scorecard_tallies"(ARRAY(SELECT sc."id" FROM "Scorecard" sc WHERE sc."orgId" = ${orgId}))`;
      await tx.$executeRaw`
        SELECT "refresh_candidate_insights"(ARRAY(SELECT c."id" FROM "Candidate" c WHERE c."orgId" = ${orgId}))`;
      // Calibration's units, leniency scores and the organisation's totals (the calibration_aggregates migration).
      await tx.$executeRaw`
        SELECT "refresh_calibration"(ARRAY(SELECT c."id" FROM "Candidate" c WHERE c."orgId" = ${orgId} ORDER BY c."id"))`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

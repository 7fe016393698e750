// Pre-aggregated insight data: ScorecardCompetencyTally, one row per submitted scorecard and competency with
// its ratings counted by score, and CandidateInsight, one row per candidate with submitted scorecards with
// those tallies summed per competency. Database triggers keep both current on every write (see the
// insight_tallies and candidate_insights migrations); this rebuild is for data written around them in bulk,
// e.g. the benchmark's seeding, or a repair.
import type { Db } from "@/server/db";

/** Rebuilds the organisation's tallies and candidate insights from its submitted scorecards' ratings, in one transaction. */
export async function rebuildInsightAggregates(db: Db, orgId: string): Promise<void> {
  // A million ratings take tens of seconds: well past the default five-second transaction timeout.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        DELETE FROM "ScorecardCompetencyTally" t
        USING "Scorecard" sc
        WHERE sc."id" = t."scorecardId" AND sc."orgId" = ${orgId}`;
      await tx.$executeRaw`
        INSERT INTO "ScorecardCompetencyTally" ("scorecardId", "competencyId", "one", "two", "three", "four", "notAssessed")
        SELECT r."scorecardId", r."competencyId",
          count(*) FILTER (WHERE r."score" = 1), count(*) FILTER (WHERE r."score" = 2),
          count(*) FILTER (WHERE r."score" = 3), count(*) FILTER (WHERE r."score" = 4),
          count(*) FILTER (WHERE r."notAssessed")
        FROM "Rating" r
        JOIN "Scorecard" sc ON sc."id" = r."scorecardId"
        WHERE sc."orgId" = ${orgId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
        GROUP BY r."scorecardId", r."competencyId"`;
      // Candidates recounted from the fresh tallies (the same function the triggers use).
      await tx.$executeRaw`
        SELECT "refresh_candidate_insights"(ARRAY(SELECT c."id" FROM "Candidate" c WHERE c."orgId" = ${orgId}))`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

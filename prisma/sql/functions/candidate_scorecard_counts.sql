-- Current definition; last written by prisma/migrations/20261205120000_candidate_figures_once/migration.sql.
-- Per candidate: interviews with a submitted scorecard, those scorecards, their recommendations, and the
-- script version of the latest such interview (by date), whose weights score the candidate.
CREATE OR REPLACE FUNCTION "candidate_scorecard_counts"(scorecard_ids TEXT[])
RETURNS TABLE ("candidateId" TEXT, "interviews" INTEGER, "scorecards" INTEGER, "strongNo" INTEGER, "no" INTEGER,
  "yes" INTEGER, "strongYes" INTEGER, "scriptVersionId" TEXT)
LANGUAGE sql STABLE AS $$
  SELECT i."candidateId",
    count(DISTINCT sc."interviewId")::int,
    count(*)::int,
    count(*) FILTER (WHERE sc."recommendation" = 'STRONG_NO')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'NO')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'YES')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'STRONG_YES')::int,
    (array_agg(i."scriptVersionId" ORDER BY i."scheduledAt" DESC, i."id" DESC))[1]
  FROM "Scorecard" sc
  JOIN "Interview" i ON i."id" = sc."interviewId"
  WHERE sc."id" = ANY(scorecard_ids) AND sc."status" = 'SUBMITTED'
  GROUP BY i."candidateId"
$$;

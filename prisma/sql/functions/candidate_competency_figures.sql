-- Current definition; last written by prisma/migrations/20261205120000_candidate_figures_once/migration.sql.
-- Per candidate with ratings, per rated competency sorted by id: the sum of scores, the number of scores and
-- the "not assessed" marks, summed from the scorecards' tallies (about a third as many rows as ratings).
CREATE OR REPLACE FUNCTION "candidate_competency_figures"(scorecard_ids TEXT[])
RETURNS TABLE ("candidateId" TEXT, "competencyIds" TEXT[], "sums" INTEGER[], "counts" INTEGER[], "notAssessed" INTEGER[])
LANGUAGE sql STABLE AS $$
  SELECT cell."candidateId",
    array_agg(cell."competencyId" ORDER BY cell."competencyId"),
    array_agg(cell."sum" ORDER BY cell."competencyId"),
    array_agg(cell."n" ORDER BY cell."competencyId"),
    array_agg(cell."notAssessed" ORDER BY cell."competencyId")
  FROM (
    SELECT i."candidateId", t."competencyId",
      sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int AS "sum",
      sum(t."one" + t."two" + t."three" + t."four")::int AS "n",
      sum(t."notAssessed")::int AS "notAssessed"
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
    WHERE sc."id" = ANY(scorecard_ids) AND sc."status" = 'SUBMITTED'
    GROUP BY i."candidateId", t."competencyId"
  ) cell
  GROUP BY cell."candidateId"
$$;

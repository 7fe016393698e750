-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
-- Ratings: the tallies of the submitted scorecards touched, then their candidates.
CREATE OR REPLACE FUNCTION "rating_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  -- Drafts are left alone; a submitted scorecard's competencies are recounted from its ratings.
  ids := ARRAY(
    SELECT DISTINCT ch."scorecardId" FROM changed_ratings ch
    WHERE EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."id" = ch."scorecardId" AND sc."status" = 'SUBMITTED'));
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
    PERFORM "refresh_candidate_insights"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM "Scorecard" sc JOIN "Interview" i ON i."id" = sc."interviewId"
      WHERE sc."id" = ANY(ids)));
  END IF;
  RETURN NULL;
END
$$;

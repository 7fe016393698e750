-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
CREATE OR REPLACE FUNCTION "scorecard_insights_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Scorecards are normally created as drafts; one written straight as SUBMITTED counts at once.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId" FROM new_cards n JOIN "Interview" i ON i."id" = n."interviewId"
    WHERE n."status" = 'SUBMITTED'));
  RETURN NULL;
END
$$;

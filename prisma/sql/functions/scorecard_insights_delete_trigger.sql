-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
CREATE OR REPLACE FUNCTION "scorecard_insights_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A scorecard deleted with its interview finds no interview here; the interview's trigger recounts.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId" FROM old_cards o JOIN "Interview" i ON i."id" = o."interviewId"
    WHERE o."status" = 'SUBMITTED'));
  RETURN NULL;
END
$$;

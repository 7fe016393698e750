-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
CREATE OR REPLACE FUNCTION "interview_insights_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Runs after the cascade has removed the interview's scorecards, so the recount leaves them out.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT o."candidateId" FROM old_interviews o
    WHERE EXISTS (SELECT 1 FROM "CandidateInsight" ci WHERE ci."candidateId" = o."candidateId")));
  RETURN NULL;
END
$$;

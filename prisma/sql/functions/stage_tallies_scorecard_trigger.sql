-- Current definition; last written by prisma/migrations/20261205180000_stage_tallies/migration.sql.
-- Scorecards: a submitted one deleted (its interview still there), or moved to another interview.
CREATE OR REPLACE FUNCTION "stage_tallies_scorecard_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM old_cards o JOIN "Interview" i ON i."id" = o."interviewId"
      WHERE o."status" = 'SUBMITTED'));
  ELSE
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT i."candidateId"
      FROM new_cards n
      JOIN old_cards o ON o."id" = n."id"
      JOIN "Interview" i ON i."id" IN (n."interviewId", o."interviewId")
      WHERE n."interviewId" IS DISTINCT FROM o."interviewId" AND (n."status" = 'SUBMITTED' OR o."status" = 'SUBMITTED')));
  END IF;
  RETURN NULL;
END
$$;

-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
-- Scorecards: submitting (or leaving SUBMITTED) recounts tallies; that, a changed recommendation or a move
-- to another interview recounts the candidates on both sides. A draft's autosaves only scan the changed rows.
CREATE OR REPLACE FUNCTION "scorecard_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  ids := ARRAY(
    SELECT n."id" FROM new_cards n JOIN old_cards o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status");
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
  END IF;
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId"
    FROM new_cards n
    JOIN old_cards o ON o."id" = n."id"
    JOIN "Interview" i ON i."id" IN (n."interviewId", o."interviewId")
    WHERE (n."status" = 'SUBMITTED' OR o."status" = 'SUBMITTED')
      AND (n."status" IS DISTINCT FROM o."status"
        OR n."recommendation" IS DISTINCT FROM o."recommendation"
        OR n."interviewId" IS DISTINCT FROM o."interviewId")));
  RETURN NULL;
END
$$;

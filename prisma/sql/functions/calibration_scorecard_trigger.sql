-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- Scorecards: written as submitted, submitted or reopened, moved, resubmitted (submittedAt), or deleted.
CREATE OR REPLACE FUNCTION "calibration_scorecard_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "refresh_calibration"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM new_cards n JOIN "Interview" i ON i."id" = n."interviewId"
      WHERE n."status" = 'SUBMITTED' AND NOT n."shadow"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "refresh_calibration"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM old_cards o JOIN "Interview" i ON i."id" = o."interviewId"
      WHERE o."status" = 'SUBMITTED' AND NOT o."shadow"));
  ELSE
    PERFORM "refresh_calibration"(ARRAY(
      SELECT DISTINCT i."candidateId"
      FROM new_cards n
      JOIN old_cards o ON o."id" = n."id"
      JOIN "Interview" i ON i."id" IN (n."interviewId", o."interviewId")
      WHERE (n."status" = 'SUBMITTED' OR o."status" = 'SUBMITTED')
        AND (n."status" IS DISTINCT FROM o."status"
          OR n."interviewId" IS DISTINCT FROM o."interviewId"
          OR n."panelistId" IS DISTINCT FROM o."panelistId"
          OR n."shadow" IS DISTINCT FROM o."shadow"
          OR n."submittedAt" IS DISTINCT FROM o."submittedAt")));
  END IF;
  RETURN NULL;
END
$$;

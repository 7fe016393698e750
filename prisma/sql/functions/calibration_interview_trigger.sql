-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- Interviews: moved to another candidate or stage, rescheduled, another script version, or deleted (after the
-- cascade removed their scorecards, so the recount leaves them out: a candidate erased or past retention
-- leaves nothing behind).
CREATE OR REPLACE FUNCTION "calibration_interview_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refresh_calibration"(ARRAY(
      SELECT DISTINCT o."candidateId" FROM old_interviews o
      WHERE EXISTS (SELECT 1 FROM "CalibrationSubmission" cs WHERE cs."candidateId" = o."candidateId")));
  ELSE
    PERFORM "refresh_calibration"(ARRAY(
      SELECT DISTINCT x."candidateId"
      FROM new_interviews n
      JOIN old_interviews o ON o."id" = n."id"
      CROSS JOIN LATERAL (VALUES (n."candidateId"), (o."candidateId")) AS x("candidateId")
      WHERE (n."candidateId" IS DISTINCT FROM o."candidateId"
          OR n."stageId" IS DISTINCT FROM o."stageId"
          OR n."scheduledAt" IS DISTINCT FROM o."scheduledAt"
          OR n."scriptVersionId" IS DISTINCT FROM o."scriptVersionId")
        AND EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = n."id" AND sc."status" = 'SUBMITTED')));
  END IF;
  RETURN NULL;
END
$$;

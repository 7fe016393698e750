-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- A candidate's submitted, non-shadow scorecards with their hours from the interview's planned end.
CREATE OR REPLACE FUNCTION "calibration_submissions_of"(ids TEXT[])
RETURNS TABLE ("scorecardId" TEXT, "orgId" TEXT, "candidateId" TEXT, "interviewId" TEXT, "panelistId" TEXT, "hours" DOUBLE PRECISION)
LANGUAGE sql STABLE AS $$
  SELECT sc."id", i."orgId", i."candidateId", i."id", sc."panelistId",
    (extract(epoch FROM (sc."submittedAt" - (i."scheduledAt" + make_interval(mins => v."plannedMinutes")))) / 3600.0)::float8
  FROM "Interview" i
  JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
  JOIN "ScriptVersion" v ON v."id" = i."scriptVersionId"
  WHERE i."candidateId" = ANY(ids)
$$;

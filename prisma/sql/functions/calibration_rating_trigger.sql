-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- Ratings written, changed or removed on submitted scorecards (amendments, erasure of a rating): their candidates.
-- A draft's autosave costs one index lookup here.
CREATE OR REPLACE FUNCTION "calibration_rating_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_calibration"(ARRAY(
    SELECT DISTINCT i."candidateId"
    FROM (SELECT DISTINCT ch."scorecardId" FROM changed_ratings ch) ch
    JOIN "Scorecard" sc ON sc."id" = ch."scorecardId" AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
    JOIN "Interview" i ON i."id" = sc."interviewId"));
  RETURN NULL;
END
$$;

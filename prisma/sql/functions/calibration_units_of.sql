-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- A candidate's agreement units as their submitted, non-shadow ratings give them now.
CREATE OR REPLACE FUNCTION "calibration_units_of"(ids TEXT[])
RETURNS TABLE ("interviewId" TEXT, "itemId" TEXT, "competencyId" TEXT, "orgId" TEXT, "candidateId" TEXT, "stageId" TEXT,
  "one" INTEGER, "two" INTEGER, "three" INTEGER, "four" INTEGER)
LANGUAGE sql STABLE AS $$
  SELECT i."id", r."itemId", r."competencyId", i."orgId", i."candidateId", i."stageId",
    (count(*) FILTER (WHERE r."score" = 1))::int, (count(*) FILTER (WHERE r."score" = 2))::int,
    (count(*) FILTER (WHERE r."score" = 3))::int, (count(*) FILTER (WHERE r."score" = 4))::int
  FROM "Interview" i
  JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
  JOIN "Rating" r ON r."scorecardId" = sc."id"
  WHERE i."candidateId" = ANY(ids) AND r."score" IS NOT NULL
  GROUP BY i."id", r."itemId", r."competencyId", i."orgId", i."candidateId", i."stageId"
$$;

-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
-- A candidate's leniency units (candidate × competency), one row per panelist with their ratings by level and
-- their term: their mean score minus the mean of the other panelists' means there (null when nobody else
-- rated it, or when they only marked it not assessed).
CREATE OR REPLACE FUNCTION "calibration_rater_scores_of"(ids TEXT[])
RETURNS TABLE ("candidateId" TEXT, "competencyId" TEXT, "panelistId" TEXT, "orgId" TEXT,
  "one" INTEGER, "two" INTEGER, "three" INTEGER, "four" INTEGER, "notAssessed" INTEGER, "term" DOUBLE PRECISION)
LANGUAGE sql STABLE AS $$
  WITH counted AS (
    SELECT i."candidateId", r."competencyId", sc."panelistId", i."orgId",
      (count(*) FILTER (WHERE r."score" = 1))::int AS "one", (count(*) FILTER (WHERE r."score" = 2))::int AS "two",
      (count(*) FILTER (WHERE r."score" = 3))::int AS "three", (count(*) FILTER (WHERE r."score" = 4))::int AS "four",
      (count(*) FILTER (WHERE r."notAssessed"))::int AS "notAssessed"
    FROM "Interview" i
    JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
    JOIN "Rating" r ON r."scorecardId" = sc."id"
    WHERE i."candidateId" = ANY(ids)
    GROUP BY i."candidateId", r."competencyId", sc."panelistId", i."orgId"
  ), scored AS (
    SELECT c.*, CASE WHEN c."one" + c."two" + c."three" + c."four" > 0
      THEN (c."one" + 2 * c."two" + 3 * c."three" + 4 * c."four")::float8 / (c."one" + c."two" + c."three" + c."four") END AS "score"
    FROM counted c
  ), unit AS (
    SELECT s.*, sum(s."score") OVER w AS "unitSum", count(s."score") OVER w AS "raters"
    FROM scored s
    WINDOW w AS (PARTITION BY s."candidateId", s."competencyId")
  )
  SELECT u."candidateId", u."competencyId", u."panelistId", u."orgId", u."one", u."two", u."three", u."four", u."notAssessed",
    CASE WHEN u."score" IS NOT NULL AND u."raters" > 1 THEN u."score" - (u."unitSum" - u."score") / (u."raters" - 1) END
  FROM unit u
$$;

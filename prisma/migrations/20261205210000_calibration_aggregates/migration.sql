-- Calibration from aggregates (issue 18): the calibration page read every rating of the organisation on each
-- load (4.6 to 7 s at a million ratings). These tables keep, in the writing transaction, what its figures
-- need: per agreement unit the count of each level (Krippendorff's alpha needs nothing else), per panelist
-- and leniency unit their counts and offset term, and per submitted scorecard its hours to submit; and over
-- the organisation, the units counted by pattern and the panelists' sums. Only submitted, non-shadow
-- scorecards count, as calibration's rule says.

-- CreateTable
CREATE TABLE "CalibrationUnit" (
    "interviewId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT,
    "one" INTEGER NOT NULL,
    "two" INTEGER NOT NULL,
    "three" INTEGER NOT NULL,
    "four" INTEGER NOT NULL,

    CONSTRAINT "CalibrationUnit_pkey" PRIMARY KEY ("interviewId","itemId","competencyId")
);

-- CreateTable
CREATE TABLE "CalibrationPatternTotal" (
    "orgId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "one" INTEGER NOT NULL,
    "two" INTEGER NOT NULL,
    "three" INTEGER NOT NULL,
    "four" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "CalibrationPatternTotal_pkey" PRIMARY KEY ("orgId","competencyId","one","two","three","four")
);

-- CreateTable
CREATE TABLE "CalibrationRaterScore" (
    "candidateId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "one" INTEGER NOT NULL,
    "two" INTEGER NOT NULL,
    "three" INTEGER NOT NULL,
    "four" INTEGER NOT NULL,
    "notAssessed" INTEGER NOT NULL,
    "term" DOUBLE PRECISION,

    CONSTRAINT "CalibrationRaterScore_pkey" PRIMARY KEY ("candidateId","competencyId","panelistId")
);

-- CreateTable
CREATE TABLE "CalibrationRaterTotal" (
    "orgId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "one" INTEGER NOT NULL,
    "two" INTEGER NOT NULL,
    "three" INTEGER NOT NULL,
    "four" INTEGER NOT NULL,
    "notAssessed" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "comparisons" INTEGER NOT NULL,
    "termSum" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CalibrationRaterTotal_pkey" PRIMARY KEY ("orgId","panelistId","competencyId")
);

-- CreateTable
CREATE TABLE "CalibrationPanelistTotal" (
    "orgId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "scorecards" INTEGER NOT NULL,
    "timed" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,

    CONSTRAINT "CalibrationPanelistTotal_pkey" PRIMARY KEY ("orgId","panelistId")
);

-- CreateTable
CREATE TABLE "CalibrationSubmission" (
    "scorecardId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "hours" DOUBLE PRECISION,

    CONSTRAINT "CalibrationSubmission_pkey" PRIMARY KEY ("scorecardId")
);

-- CreateIndex
CREATE INDEX "CalibrationUnit_candidateId_idx" ON "CalibrationUnit"("candidateId");

-- CreateIndex
CREATE INDEX "CalibrationSubmission_orgId_panelistId_hours_interviewId_idx" ON "CalibrationSubmission"("orgId", "panelistId", "hours", "interviewId");

-- CreateIndex
CREATE INDEX "CalibrationSubmission_candidateId_idx" ON "CalibrationSubmission"("candidateId");

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

-- Recounts the candidates' rows whole (a few hundred ratings each) and moves the organisation's totals by the
-- difference, so no sequence of writes can make either drift. Each total is changed by one statement whose
-- rows come in key order, so two writers on the same organisation take its rows' locks in the same order.
CREATE OR REPLACE FUNCTION "refresh_calibration"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two writers recounting one candidate take turns, as refresh_candidate_insights does.
  PERFORM 1 FROM "Candidate" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;

  INSERT INTO "CalibrationPatternTotal" AS t ("orgId", "competencyId", "one", "two", "three", "four", "units")
  SELECT d."orgId", d."competencyId", d."one", d."two", d."three", d."four", sum(d."units")::int
  FROM (
    SELECT u."orgId", u."competencyId", u."one", u."two", u."three", u."four", -1 AS "units"
    FROM "CalibrationUnit" u WHERE u."candidateId" = ANY(ids)
    UNION ALL
    SELECT f."orgId", f."competencyId", f."one", f."two", f."three", f."four", 1 FROM "calibration_units_of"(ids) f
  ) d
  GROUP BY d."orgId", d."competencyId", d."one", d."two", d."three", d."four"
  HAVING sum(d."units") <> 0
  ORDER BY d."orgId", d."competencyId", d."one", d."two", d."three", d."four"
  ON CONFLICT ("orgId", "competencyId", "one", "two", "three", "four") DO UPDATE SET "units" = t."units" + EXCLUDED."units";
  DELETE FROM "CalibrationUnit" WHERE "candidateId" = ANY(ids);
  INSERT INTO "CalibrationUnit" ("interviewId", "itemId", "competencyId", "orgId", "candidateId", "stageId", "one", "two", "three", "four")
  SELECT * FROM "calibration_units_of"(ids);

  INSERT INTO "CalibrationRaterTotal" AS t ("orgId", "panelistId", "competencyId", "one", "two", "three", "four", "notAssessed", "units", "comparisons", "termSum")
  SELECT d."orgId", d."panelistId", d."competencyId", sum(d."one")::int, sum(d."two")::int, sum(d."three")::int, sum(d."four")::int,
    sum(d."notAssessed")::int, sum(d."units")::int, sum(d."comparisons")::int, coalesce(sum(d."term"), 0)
  FROM (
    SELECT s."orgId", s."panelistId", s."competencyId", -s."one" AS "one", -s."two" AS "two", -s."three" AS "three", -s."four" AS "four",
      -s."notAssessed" AS "notAssessed", CASE WHEN s."one" + s."two" + s."three" + s."four" > 0 THEN -1 ELSE 0 END AS "units",
      CASE WHEN s."term" IS NOT NULL THEN -1 ELSE 0 END AS "comparisons", -s."term" AS "term"
    FROM "CalibrationRaterScore" s WHERE s."candidateId" = ANY(ids)
    UNION ALL
    SELECT f."orgId", f."panelistId", f."competencyId", f."one", f."two", f."three", f."four", f."notAssessed",
      CASE WHEN f."one" + f."two" + f."three" + f."four" > 0 THEN 1 ELSE 0 END,
      CASE WHEN f."term" IS NOT NULL THEN 1 ELSE 0 END, f."term"
    FROM "calibration_rater_scores_of"(ids) f
  ) d
  GROUP BY d."orgId", d."panelistId", d."competencyId"
  ORDER BY d."orgId", d."panelistId", d."competencyId"
  ON CONFLICT ("orgId", "panelistId", "competencyId") DO UPDATE SET
    "one" = t."one" + EXCLUDED."one", "two" = t."two" + EXCLUDED."two", "three" = t."three" + EXCLUDED."three",
    "four" = t."four" + EXCLUDED."four", "notAssessed" = t."notAssessed" + EXCLUDED."notAssessed", "units" = t."units" + EXCLUDED."units",
    "comparisons" = t."comparisons" + EXCLUDED."comparisons", "termSum" = t."termSum" + EXCLUDED."termSum";
  -- A panelist left with nothing in a competency (their scorecards amended away or erased) keeps no row.
  DELETE FROM "CalibrationRaterTotal" t
  WHERE t."orgId" IN (SELECT c."orgId" FROM "CalibrationRaterScore" c WHERE c."candidateId" = ANY(ids))
    AND t."units" = 0 AND t."notAssessed" = 0 AND t."comparisons" = 0;
  DELETE FROM "CalibrationRaterScore" WHERE "candidateId" = ANY(ids);
  INSERT INTO "CalibrationRaterScore" ("candidateId", "competencyId", "panelistId", "orgId", "one", "two", "three", "four", "notAssessed", "term")
  SELECT * FROM "calibration_rater_scores_of"(ids);

  INSERT INTO "CalibrationPanelistTotal" AS t ("orgId", "panelistId", "scorecards", "timed", "late")
  SELECT d."orgId", d."panelistId", sum(d."scorecards")::int, sum(d."timed")::int, sum(d."late")::int
  FROM (
    SELECT s."orgId", s."panelistId", -1 AS "scorecards", -(s."hours" IS NOT NULL)::int AS "timed", -coalesce(s."hours" > 24, FALSE)::int AS "late"
    FROM "CalibrationSubmission" s WHERE s."candidateId" = ANY(ids)
    UNION ALL
    SELECT f."orgId", f."panelistId", 1, (f."hours" IS NOT NULL)::int, coalesce(f."hours" > 24, FALSE)::int FROM "calibration_submissions_of"(ids) f
  ) d
  GROUP BY d."orgId", d."panelistId"
  ORDER BY d."orgId", d."panelistId"
  ON CONFLICT ("orgId", "panelistId") DO UPDATE SET
    "scorecards" = t."scorecards" + EXCLUDED."scorecards", "timed" = t."timed" + EXCLUDED."timed", "late" = t."late" + EXCLUDED."late";
  DELETE FROM "CalibrationPanelistTotal" t
  WHERE t."orgId" IN (SELECT s."orgId" FROM "CalibrationSubmission" s WHERE s."candidateId" = ANY(ids)) AND t."scorecards" = 0;
  DELETE FROM "CalibrationSubmission" WHERE "candidateId" = ANY(ids);
  INSERT INTO "CalibrationSubmission" ("scorecardId", "orgId", "candidateId", "interviewId", "panelistId", "hours")
  SELECT * FROM "calibration_submissions_of"(ids);
END
$$;

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

CREATE TRIGGER "calibration_after_rating_insert" AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();
CREATE TRIGGER "calibration_after_rating_update" AFTER UPDATE ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();
CREATE TRIGGER "calibration_after_rating_delete" AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();

CREATE TRIGGER "calibration_after_scorecard_insert" AFTER INSERT ON "Scorecard"
  REFERENCING NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();
CREATE TRIGGER "calibration_after_scorecard_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();
CREATE TRIGGER "calibration_after_scorecard_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();

CREATE TRIGGER "calibration_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "calibration_interview_trigger"();
CREATE TRIGGER "calibration_after_interview_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "calibration_interview_trigger"();

-- Backfill: every candidate with a submitted scorecard, recounted as the triggers do.
SELECT "refresh_calibration"(ARRAY(
  SELECT DISTINCT i."candidateId" FROM "Interview" i
  JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
  ORDER BY 1));

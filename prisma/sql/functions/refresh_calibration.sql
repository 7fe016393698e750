-- Current definition; last written by prisma/migrations/20261205210000_calibration_aggregates/migration.sql.
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

-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
-- CandidateInsight follows every change that moves a candidate's submitted figures, in the writing
-- transaction: ratings of submitted scorecards, submitting, a changed recommendation, deleted scorecards
-- and interviews, and interviews moved or rescheduled. Each change recounts the affected candidates whole
-- from their scorecards' tallies (a few dozen rows each), so no sequence of writes can make it drift.
CREATE OR REPLACE FUNCTION "refresh_candidate_insights"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two panelists submitting for one candidate at once recount in turn: the second waits here for the
  -- first to commit, and its recount (a later statement, so a later snapshot) then includes both. A row
  -- lock, not an advisory one, so a bulk write of thousands of candidates cannot fill the lock table.
  PERFORM 1 FROM "Candidate" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
  DELETE FROM "CandidateInsight" WHERE "candidateId" = ANY(ids);
  INSERT INTO "CandidateInsight" ("candidateId", "interviews", "scorecards", "strongNo", "no", "yes", "strongYes",
    "scriptVersionId", "competencyIds", "sums", "counts", "notAssessed")
  WITH cards AS (
    SELECT sc."id", sc."interviewId", sc."recommendation", i."candidateId", i."scheduledAt", i."scriptVersionId"
    FROM "Interview" i
    JOIN "Scorecard" sc ON sc."interviewId" = i."id"
    WHERE i."candidateId" = ANY(ids) AND sc."status" = 'SUBMITTED'
  ), per_candidate AS (
    SELECT "candidateId",
      count(DISTINCT "interviewId")::int AS "interviews",
      count(*)::int AS "scorecards",
      count(*) FILTER (WHERE "recommendation" = 'STRONG_NO')::int AS "strongNo",
      count(*) FILTER (WHERE "recommendation" = 'NO')::int AS "no",
      count(*) FILTER (WHERE "recommendation" = 'YES')::int AS "yes",
      count(*) FILTER (WHERE "recommendation" = 'STRONG_YES')::int AS "strongYes",
      (array_agg("scriptVersionId" ORDER BY "scheduledAt" DESC, "interviewId" DESC))[1] AS "scriptVersionId"
    FROM cards
    GROUP BY "candidateId"
  ), per_cell AS (
    SELECT cards."candidateId", t."competencyId",
      sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int AS "sum",
      sum(t."one" + t."two" + t."three" + t."four")::int AS "n",
      sum(t."notAssessed")::int AS "notAssessed"
    FROM cards
    JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = cards."id"
    GROUP BY cards."candidateId", t."competencyId"
  ), per_row AS (
    SELECT "candidateId",
      array_agg("competencyId" ORDER BY "competencyId") AS "competencyIds",
      array_agg("sum" ORDER BY "competencyId") AS "sums",
      array_agg("n" ORDER BY "competencyId") AS "counts",
      array_agg("notAssessed" ORDER BY "competencyId") AS "notAssessed"
    FROM per_cell
    GROUP BY "candidateId"
  )
  SELECT p."candidateId", p."interviews", p."scorecards", p."strongNo", p."no", p."yes", p."strongYes", p."scriptVersionId",
    coalesce(r."competencyIds", '{}'), coalesce(r."sums", '{}'), coalesce(r."counts", '{}'), coalesce(r."notAssessed", '{}')
  FROM per_candidate p
  LEFT JOIN per_row r ON r."candidateId" = p."candidateId";
END
$$;

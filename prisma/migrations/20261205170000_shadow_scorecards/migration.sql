-- Shadow panelists (issue 19): a scorecard written from a shadow's seat is marked as such when it is created
-- and never counts. It gets no competency tallies and is left out of the candidate's insight, so no figure
-- drawn from those (comparisons, summaries, debrief scores) includes it; reads of scorecard content leave it
-- out through the visibility rule (src/server/access/scorecard-visibility.ts).
ALTER TABLE "Scorecard" ADD COLUMN "shadow" BOOLEAN NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION "refresh_scorecard_tallies"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ScorecardCompetencyTally" WHERE "scorecardId" = ANY(ids);
  INSERT INTO "ScorecardCompetencyTally" ("scorecardId", "competencyId", "one", "two", "three", "four", "notAssessed")
  SELECT r."scorecardId", r."competencyId",
    count(*) FILTER (WHERE r."score" = 1), count(*) FILTER (WHERE r."score" = 2),
    count(*) FILTER (WHERE r."score" = 3), count(*) FILTER (WHERE r."score" = 4),
    count(*) FILTER (WHERE r."notAssessed")
  FROM "Rating" r
  JOIN "Scorecard" sc ON sc."id" = r."scorecardId"
  WHERE r."scorecardId" = ANY(ids) AND sc."status" = 'SUBMITTED' AND NOT sc."shadow"
  GROUP BY r."scorecardId", r."competencyId"
  ON CONFLICT ("scorecardId", "competencyId") DO UPDATE SET
    "one" = EXCLUDED."one", "two" = EXCLUDED."two", "three" = EXCLUDED."three", "four" = EXCLUDED."four",
    "notAssessed" = EXCLUDED."notAssessed";
$$;

CREATE OR REPLACE FUNCTION "refresh_candidate_insights"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cards TEXT[];
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two panelists submitting for one candidate at once recount in turn: the second waits here for the
  -- first to commit, and its recount (later statements, so a later snapshot) then includes both. A row
  -- lock, not an advisory one, so a bulk write of thousands of candidates cannot fill the lock table.
  PERFORM 1 FROM "Candidate" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
  DELETE FROM "CandidateInsight" WHERE "candidateId" = ANY(ids);
  cards := ARRAY(
    SELECT sc."id" FROM "Interview" i JOIN "Scorecard" sc ON sc."interviewId" = i."id"
    WHERE i."candidateId" = ANY(ids) AND sc."status" = 'SUBMITTED' AND NOT sc."shadow");
  INSERT INTO "CandidateInsight" ("candidateId", "interviews", "scorecards", "strongNo", "no", "yes", "strongYes",
    "scriptVersionId", "competencyIds", "sums", "counts", "notAssessed")
  SELECT p."candidateId", p."interviews", p."scorecards", p."strongNo", p."no", p."yes", p."strongYes", p."scriptVersionId",
    coalesce(f."competencyIds", '{}'), coalesce(f."sums", '{}'), coalesce(f."counts", '{}'), coalesce(f."notAssessed", '{}')
  FROM "candidate_scorecard_counts"(cards) p
  LEFT JOIN "candidate_competency_figures"(cards) f ON f."candidateId" = p."candidateId";
END
$$;

-- Current definition; last written by prisma/migrations/20261205230100_org_comparison_keys/migration.sql.
-- CandidateInsight follows every change that moves a candidate's submitted figures, in the writing
-- transaction: ratings of submitted scorecards, submitting, a changed recommendation, deleted scorecards
-- and interviews, and interviews moved or rescheduled. Each change recounts the affected candidates whole
-- from their scorecards' tallies (a few dozen rows each), so no sequence of writes can make it drift.
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
  -- With the organisation and the weighted score, the keys the organisation-wide comparison pages on.
  INSERT INTO "CandidateInsight" ("candidateId", "interviews", "scorecards", "strongNo", "no", "yes", "strongYes",
    "scriptVersionId", "competencyIds", "sums", "counts", "notAssessed", "orgId", "weightedScore")
  SELECT p."candidateId", p."interviews", p."scorecards", p."strongNo", p."no", p."yes", p."strongYes", p."scriptVersionId",
    coalesce(f."competencyIds", '{}'), coalesce(f."sums", '{}'), coalesce(f."counts", '{}'), coalesce(f."notAssessed", '{}'),
    c."orgId", "candidate_weighted_score"(p."scriptVersionId", f."competencyIds", f."sums", f."counts")
  FROM "candidate_scorecard_counts"(cards) p
  JOIN "Candidate" c ON c."id" = p."candidateId"
  LEFT JOIN "candidate_competency_figures"(cards) f ON f."candidateId" = p."candidateId";
END
$$;

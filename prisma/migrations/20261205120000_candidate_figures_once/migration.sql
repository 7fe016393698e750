-- A candidate's figures from a set of scorecards, defined once: refresh_candidate_insights stores them for
-- every submitted scorecard (CandidateInsight), and a comparison filtered by script, dates or panelist groups
-- them from the scorecards in the actor's scope (src/server/services/insights/compare-candidates.ts). The
-- caller chooses the scorecards; drafts among them are left out. Plain SQL and STABLE, so a query calling
-- either is planned as one statement with it.

-- Per candidate: interviews with a submitted scorecard, those scorecards, their recommendations, and the
-- script version of the latest such interview (by date), whose weights score the candidate.
CREATE OR REPLACE FUNCTION "candidate_scorecard_counts"(scorecard_ids TEXT[])
RETURNS TABLE ("candidateId" TEXT, "interviews" INTEGER, "scorecards" INTEGER, "strongNo" INTEGER, "no" INTEGER,
  "yes" INTEGER, "strongYes" INTEGER, "scriptVersionId" TEXT)
LANGUAGE sql STABLE AS $$
  SELECT i."candidateId",
    count(DISTINCT sc."interviewId")::int,
    count(*)::int,
    count(*) FILTER (WHERE sc."recommendation" = 'STRONG_NO')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'NO')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'YES')::int,
    count(*) FILTER (WHERE sc."recommendation" = 'STRONG_YES')::int,
    (array_agg(i."scriptVersionId" ORDER BY i."scheduledAt" DESC, i."id" DESC))[1]
  FROM "Scorecard" sc
  JOIN "Interview" i ON i."id" = sc."interviewId"
  WHERE sc."id" = ANY(scorecard_ids) AND sc."status" = 'SUBMITTED'
  GROUP BY i."candidateId"
$$;

-- Per candidate with ratings, per rated competency sorted by id: the sum of scores, the number of scores and
-- the "not assessed" marks, summed from the scorecards' tallies (about a third as many rows as ratings).
CREATE OR REPLACE FUNCTION "candidate_competency_figures"(scorecard_ids TEXT[])
RETURNS TABLE ("candidateId" TEXT, "competencyIds" TEXT[], "sums" INTEGER[], "counts" INTEGER[], "notAssessed" INTEGER[])
LANGUAGE sql STABLE AS $$
  SELECT cell."candidateId",
    array_agg(cell."competencyId" ORDER BY cell."competencyId"),
    array_agg(cell."sum" ORDER BY cell."competencyId"),
    array_agg(cell."n" ORDER BY cell."competencyId"),
    array_agg(cell."notAssessed" ORDER BY cell."competencyId")
  FROM (
    SELECT i."candidateId", t."competencyId",
      sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int AS "sum",
      sum(t."one" + t."two" + t."three" + t."four")::int AS "n",
      sum(t."notAssessed")::int AS "notAssessed"
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
    WHERE sc."id" = ANY(scorecard_ids) AND sc."status" = 'SUBMITTED'
    GROUP BY i."candidateId", t."competencyId"
  ) cell
  GROUP BY cell."candidateId"
$$;

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
    WHERE i."candidateId" = ANY(ids) AND sc."status" = 'SUBMITTED');
  INSERT INTO "CandidateInsight" ("candidateId", "interviews", "scorecards", "strongNo", "no", "yes", "strongYes",
    "scriptVersionId", "competencyIds", "sums", "counts", "notAssessed")
  SELECT p."candidateId", p."interviews", p."scorecards", p."strongNo", p."no", p."yes", p."strongYes", p."scriptVersionId",
    coalesce(f."competencyIds", '{}'), coalesce(f."sums", '{}'), coalesce(f."counts", '{}'), coalesce(f."notAssessed", '{}')
  FROM "candidate_scorecard_counts"(cards) p
  LEFT JOIN "candidate_competency_figures"(cards) f ON f."candidateId" = p."candidateId";
END
$$;

-- Current definition; last written by prisma/migrations/20261205180000_stage_tallies/migration.sql.
-- A candidate's rows are recounted whole from the tallies of the submitted scorecards of their interviews
-- that have a stage and are not cancelled (a few dozen tally rows per candidate), so no sequence of writes
-- can make them drift. The tallies already leave out drafts and shadows' scorecards.
CREATE OR REPLACE FUNCTION "refresh_stage_tallies"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two writers recounting one candidate take turns, as refresh_candidate_insights does: the second waits
  -- here for the first to commit, and its recount (later statements, so a later snapshot) then sees both.
  PERFORM 1 FROM "Candidate" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
  DELETE FROM "StageTally" WHERE "candidateId" = ANY(ids);
  INSERT INTO "StageTally" ("candidateId", "stageId", "competencyId", "total", "n")
  SELECT i."candidateId", i."stageId", t."competencyId",
    sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int,
    sum(t."one" + t."two" + t."three" + t."four")::int
  FROM "Interview" i
  JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'
  JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
  WHERE i."candidateId" = ANY(ids) AND i."stageId" IS NOT NULL AND i."status" <> 'CANCELLED'
  GROUP BY i."candidateId", i."stageId", t."competencyId"
  -- In key order, so each candidate's rows sit together (the ranking reads them candidate by candidate).
  ORDER BY i."candidateId", i."stageId", t."competencyId";
END
$$;

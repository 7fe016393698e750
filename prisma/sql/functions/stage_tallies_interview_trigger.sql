-- Current definition; last written by prisma/migrations/20261205180000_stage_tallies/migration.sql.
-- Interviews: moved to another stage or candidate, cancelled or no longer cancelled (a stage deleted sets
-- stageId null, which arrives here as an update), or deleted (after the cascade removed their scorecards,
-- so the recount leaves them out).
CREATE OR REPLACE FUNCTION "stage_tallies_interview_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT o."candidateId" FROM old_interviews o
      WHERE EXISTS (SELECT 1 FROM "StageTally" cst WHERE cst."candidateId" = o."candidateId")));
  ELSE
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT x."candidateId"
      FROM new_interviews n
      JOIN old_interviews o ON o."id" = n."id"
      CROSS JOIN LATERAL (VALUES (n."candidateId"), (o."candidateId")) AS x("candidateId")
      WHERE (n."stageId" IS DISTINCT FROM o."stageId"
          OR n."candidateId" IS DISTINCT FROM o."candidateId"
          OR (n."status" = 'CANCELLED') IS DISTINCT FROM (o."status" = 'CANCELLED'))
        AND EXISTS (SELECT 1 FROM "Scorecard" sc JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
          WHERE sc."interviewId" = n."id")));
  END IF;
  RETURN NULL;
END
$$;

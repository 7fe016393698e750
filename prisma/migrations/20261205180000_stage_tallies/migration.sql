-- The debrief's ranking (issue 17) scored every candidate at a stage from their scorecards' competency
-- tallies on each read: about 40,000 tally rows for a 500-candidate stage of the benchmark vacancy. This
-- table keeps those sums per candidate, interview-plan stage and competency, so the ranking reads about one
-- row per candidate and competency.

-- CreateTable
CREATE TABLE "StageTally" (
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "StageTally_pkey" PRIMARY KEY ("candidateId","stageId","competencyId")
);

-- CreateIndex
CREATE INDEX "StageTally_stageId_candidateId_idx" ON "StageTally"("stageId", "candidateId");

-- AddForeignKey
ALTER TABLE "StageTally" ADD CONSTRAINT "StageTally_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTally" ADD CONSTRAINT "StageTally_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTally" ADD CONSTRAINT "StageTally_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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

-- Tallies written, recounted or removed (ratings of a submitted scorecard, submitting, amending, a competency
-- deleted): the candidates of their scorecards. A tally removed with its scorecard finds no scorecard here;
-- stage_tallies_scorecard_trigger and stage_tallies_interview_trigger recount those candidates.
CREATE OR REPLACE FUNCTION "stage_tallies_tally_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_stage_tallies"(ARRAY(
    SELECT DISTINCT i."candidateId"
    FROM (SELECT DISTINCT ch."scorecardId" FROM changed_tallies ch) ch
    JOIN "Scorecard" sc ON sc."id" = ch."scorecardId"
    JOIN "Interview" i ON i."id" = sc."interviewId"));
  RETURN NULL;
END
$$;

-- Scorecards: a submitted one deleted (its interview still there), or moved to another interview.
CREATE OR REPLACE FUNCTION "stage_tallies_scorecard_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM old_cards o JOIN "Interview" i ON i."id" = o."interviewId"
      WHERE o."status" = 'SUBMITTED'));
  ELSE
    PERFORM "refresh_stage_tallies"(ARRAY(
      SELECT DISTINCT i."candidateId"
      FROM new_cards n
      JOIN old_cards o ON o."id" = n."id"
      JOIN "Interview" i ON i."id" IN (n."interviewId", o."interviewId")
      WHERE n."interviewId" IS DISTINCT FROM o."interviewId" AND (n."status" = 'SUBMITTED' OR o."status" = 'SUBMITTED')));
  END IF;
  RETURN NULL;
END
$$;

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

CREATE TRIGGER "stage_tallies_after_tally_insert" AFTER INSERT ON "ScorecardCompetencyTally"
  REFERENCING NEW TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();
CREATE TRIGGER "stage_tallies_after_tally_update" AFTER UPDATE ON "ScorecardCompetencyTally"
  REFERENCING NEW TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();
CREATE TRIGGER "stage_tallies_after_tally_delete" AFTER DELETE ON "ScorecardCompetencyTally"
  REFERENCING OLD TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();

CREATE TRIGGER "stage_tallies_after_scorecard_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_scorecard_trigger"();
CREATE TRIGGER "stage_tallies_after_scorecard_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_scorecard_trigger"();

CREATE TRIGGER "stage_tallies_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_interview_trigger"();
CREATE TRIGGER "stage_tallies_after_interview_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_interview_trigger"();

-- Backfill: every candidate's rows from the tallies as they are now (the same grouping and order as the function).
INSERT INTO "StageTally" ("candidateId", "stageId", "competencyId", "total", "n")
SELECT i."candidateId", i."stageId", t."competencyId",
  sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::int,
  sum(t."one" + t."two" + t."three" + t."four")::int
FROM "Interview" i
JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."status" = 'SUBMITTED'
JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = sc."id"
WHERE i."stageId" IS NOT NULL AND i."status" <> 'CANCELLED'
GROUP BY i."candidateId", i."stageId", t."competencyId"
ORDER BY i."candidateId", i."stageId", t."competencyId";

-- CreateTable
CREATE TABLE "CandidateInsight" (
    "candidateId" TEXT NOT NULL,
    "interviews" INTEGER NOT NULL,
    "scorecards" INTEGER NOT NULL,
    "strongNo" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "yes" INTEGER NOT NULL,
    "strongYes" INTEGER NOT NULL,
    "scriptVersionId" TEXT NOT NULL,
    "competencyIds" TEXT[],
    "sums" INTEGER[],
    "counts" INTEGER[],
    "notAssessed" INTEGER[],

    CONSTRAINT "CandidateInsight_pkey" PRIMARY KEY ("candidateId")
);

-- AddForeignKey
ALTER TABLE "CandidateInsight" ADD CONSTRAINT "CandidateInsight_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CandidateInsight follows every change that moves a candidate's submitted figures, in the writing
-- transaction: ratings of submitted scorecards, submitting, a changed recommendation, deleted scorecards
-- and interviews, and interviews moved or rescheduled. Each change recounts the affected candidates whole
-- from their scorecards' tallies (a few dozen rows each), so no sequence of writes can make it drift.
CREATE FUNCTION "refresh_candidate_insights"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
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

-- Ratings: the tallies of the submitted scorecards touched, then their candidates.
CREATE OR REPLACE FUNCTION "rating_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  -- Drafts are left alone; a submitted scorecard's competencies are recounted from its ratings.
  ids := ARRAY(
    SELECT DISTINCT ch."scorecardId" FROM changed_ratings ch
    WHERE EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."id" = ch."scorecardId" AND sc."status" = 'SUBMITTED'));
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
    PERFORM "refresh_candidate_insights"(ARRAY(
      SELECT DISTINCT i."candidateId" FROM "Scorecard" sc JOIN "Interview" i ON i."id" = sc."interviewId"
      WHERE sc."id" = ANY(ids)));
  END IF;
  RETURN NULL;
END
$$;

-- Scorecards: submitting (or leaving SUBMITTED) recounts tallies; that, a changed recommendation or a move
-- to another interview recounts the candidates on both sides. A draft's autosaves only scan the changed rows.
CREATE OR REPLACE FUNCTION "scorecard_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  ids := ARRAY(
    SELECT n."id" FROM new_cards n JOIN old_cards o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status");
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
  END IF;
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId"
    FROM new_cards n
    JOIN old_cards o ON o."id" = n."id"
    JOIN "Interview" i ON i."id" IN (n."interviewId", o."interviewId")
    WHERE (n."status" = 'SUBMITTED' OR o."status" = 'SUBMITTED')
      AND (n."status" IS DISTINCT FROM o."status"
        OR n."recommendation" IS DISTINCT FROM o."recommendation"
        OR n."interviewId" IS DISTINCT FROM o."interviewId")));
  RETURN NULL;
END
$$;

CREATE FUNCTION "scorecard_insights_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Scorecards are normally created as drafts; one written straight as SUBMITTED counts at once.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId" FROM new_cards n JOIN "Interview" i ON i."id" = n."interviewId"
    WHERE n."status" = 'SUBMITTED'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "scorecard_insights_after_insert" AFTER INSERT ON "Scorecard"
  REFERENCING NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_insights_insert_trigger"();

CREATE FUNCTION "scorecard_insights_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A scorecard deleted with its interview finds no interview here; the interview's trigger recounts.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT i."candidateId" FROM old_cards o JOIN "Interview" i ON i."id" = o."interviewId"
    WHERE o."status" = 'SUBMITTED'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "scorecard_insights_after_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_insights_delete_trigger"();

CREATE FUNCTION "interview_insights_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Moved to another candidate, rescheduled (which interview is latest) or another script version.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT x."candidateId"
    FROM new_interviews n
    JOIN old_interviews o ON o."id" = n."id"
    CROSS JOIN LATERAL (VALUES (n."candidateId"), (o."candidateId")) AS x("candidateId")
    WHERE (n."candidateId" IS DISTINCT FROM o."candidateId"
        OR n."scheduledAt" IS DISTINCT FROM o."scheduledAt"
        OR n."scriptVersionId" IS DISTINCT FROM o."scriptVersionId")
      AND EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = n."id" AND sc."status" = 'SUBMITTED')));
  RETURN NULL;
END
$$;

CREATE TRIGGER "interview_insights_after_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "interview_insights_update_trigger"();

CREATE FUNCTION "interview_insights_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Runs after the cascade has removed the interview's scorecards, so the recount leaves them out.
  PERFORM "refresh_candidate_insights"(ARRAY(
    SELECT DISTINCT o."candidateId" FROM old_interviews o
    WHERE EXISTS (SELECT 1 FROM "CandidateInsight" ci WHERE ci."candidateId" = o."candidateId")));
  RETURN NULL;
END
$$;

CREATE TRIGGER "interview_insights_after_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "interview_insights_delete_trigger"();

-- The candidates with submitted scorecards before this migration.
SELECT "refresh_candidate_insights"(ARRAY(
  SELECT DISTINCT i."candidateId" FROM "Interview" i JOIN "Scorecard" sc ON sc."interviewId" = i."id"
  WHERE sc."status" = 'SUBMITTED'));

-- CreateTable
CREATE TABLE "ScorecardCompetencyTally" (
    "scorecardId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "one" INTEGER NOT NULL DEFAULT 0,
    "two" INTEGER NOT NULL DEFAULT 0,
    "three" INTEGER NOT NULL DEFAULT 0,
    "four" INTEGER NOT NULL DEFAULT 0,
    "notAssessed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScorecardCompetencyTally_pkey" PRIMARY KEY ("scorecardId","competencyId")
);

-- AddForeignKey
ALTER TABLE "ScorecardCompetencyTally" ADD CONSTRAINT "ScorecardCompetencyTally_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardCompetencyTally" ADD CONSTRAINT "ScorecardCompetencyTally_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tallies follow every write to ratings and scorecards, in the writing transaction (statement-level
-- triggers, so a bulk insert of ratings is counted in one grouped pass). Only submitted scorecards have
-- tallies; a draft's autosaves cost one index lookup.
CREATE FUNCTION "refresh_scorecard_tallies"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ScorecardCompetencyTally" WHERE "scorecardId" = ANY(ids);
  INSERT INTO "ScorecardCompetencyTally" ("scorecardId", "competencyId", "one", "two", "three", "four", "notAssessed")
  SELECT r."scorecardId", r."competencyId",
    count(*) FILTER (WHERE r."score" = 1), count(*) FILTER (WHERE r."score" = 2),
    count(*) FILTER (WHERE r."score" = 3), count(*) FILTER (WHERE r."score" = 4),
    count(*) FILTER (WHERE r."notAssessed")
  FROM "Rating" r
  JOIN "Scorecard" sc ON sc."id" = r."scorecardId"
  WHERE r."scorecardId" = ANY(ids) AND sc."status" = 'SUBMITTED'
  GROUP BY r."scorecardId", r."competencyId"
  ON CONFLICT ("scorecardId", "competencyId") DO UPDATE SET
    "one" = EXCLUDED."one", "two" = EXCLUDED."two", "three" = EXCLUDED."three", "four" = EXCLUDED."four",
    "notAssessed" = EXCLUDED."notAssessed";
$$;

CREATE FUNCTION "rating_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  -- Drafts are left alone; a submitted scorecard's competencies are recounted from its ratings.
  ids := ARRAY(
    SELECT DISTINCT ch."scorecardId" FROM changed_ratings ch
    WHERE EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."id" = ch."scorecardId" AND sc."status" = 'SUBMITTED'));
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "rating_tallies_after_insert" AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();
CREATE TRIGGER "rating_tallies_after_update" AFTER UPDATE ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();
CREATE TRIGGER "rating_tallies_after_delete" AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();

CREATE FUNCTION "scorecard_tallies_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  -- Submitting adds the scorecard's tallies; leaving SUBMITTED (should anything ever do it) removes them.
  ids := ARRAY(
    SELECT n."id" FROM new_cards n JOIN old_cards o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status");
  IF cardinality(ids) > 0 THEN
    PERFORM "refresh_scorecard_tallies"(ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "scorecard_tallies_after_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_tallies_trigger"();

-- Tallies of the scorecards submitted before this migration.
INSERT INTO "ScorecardCompetencyTally" ("scorecardId", "competencyId", "one", "two", "three", "four", "notAssessed")
SELECT r."scorecardId", r."competencyId",
  count(*) FILTER (WHERE r."score" = 1), count(*) FILTER (WHERE r."score" = 2),
  count(*) FILTER (WHERE r."score" = 3), count(*) FILTER (WHERE r."score" = 4),
  count(*) FILTER (WHERE r."notAssessed")
FROM "Rating" r
JOIN "Scorecard" sc ON sc."id" = r."scorecardId"
WHERE sc."status" = 'SUBMITTED'
GROUP BY r."scorecardId", r."competencyId";

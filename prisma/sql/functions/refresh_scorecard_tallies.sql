-- Current definition; last written by prisma/migrations/20261205170000_shadow_scorecards/migration.sql.
-- Tallies follow every write to ratings and scorecards, in the writing transaction (statement-level
-- triggers, so a bulk insert of ratings is counted in one grouped pass). Only submitted scorecards have
-- tallies; a draft's autosaves cost one index lookup. A shadow's scorecard never has any, so it reaches no
-- figure drawn from tallies (the comparison, the candidate's insight, the debrief's scores).
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

-- Current definition; last written by prisma/migrations/20261205180000_stage_tallies/migration.sql.
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

-- Current definition; last written by prisma/migrations/20261205230700_scorecard_vacancy_keys/migration.sql.
CREATE OR REPLACE FUNCTION "scorecard_vacancy_candidate_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A candidacy moved to another vacancy (no path in the app does this today): its scorecards follow.
  UPDATE "Scorecard" sc SET "vacancyId" = n."vacancyId"
  FROM new_rows n
  JOIN old_rows o ON o."id" = n."id"
  JOIN "Interview" i ON i."candidateId" = n."id"
  WHERE n."vacancyId" IS DISTINCT FROM o."vacancyId" AND sc."interviewId" = i."id";
  RETURN NULL;
END;
$$;

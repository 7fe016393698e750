-- Current definition; last written by prisma/migrations/20261205230700_scorecard_vacancy_keys/migration.sql.
CREATE OR REPLACE FUNCTION "scorecard_vacancy_interview_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- An interview moved to another candidate (no path in the app does this today): its scorecards follow.
  UPDATE "Scorecard" sc SET "vacancyId" = c."vacancyId"
  FROM new_rows n
  JOIN old_rows o ON o."id" = n."id"
  JOIN "Candidate" c ON c."id" = n."candidateId"
  WHERE n."candidateId" IS DISTINCT FROM o."candidateId" AND sc."interviewId" = n."id";
  RETURN NULL;
END;
$$;

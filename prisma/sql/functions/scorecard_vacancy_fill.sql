-- Current definition; last written by prisma/migrations/20261205230700_scorecard_vacancy_keys/migration.sql.
CREATE OR REPLACE FUNCTION "scorecard_vacancy_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new scorecard carries its interview's candidate's vacancy, so a vacancy's scorecards are one index range.
  SELECT c."vacancyId" INTO NEW."vacancyId"
  FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId"
  WHERE i."id" = NEW."interviewId";
  RETURN NEW;
END;
$$;

-- A scorecard carries its vacancy (its interview's candidate's), written by triggers, so the REST API's
-- "a vacancy's submitted scorecards in order of change" reads one index range per page instead of sorting
-- every scorecard of the vacancy on each page (83.9 ms p95 per page at 1M ratings before).
ALTER TABLE "Scorecard" ADD COLUMN "vacancyId" TEXT;

UPDATE "Scorecard" sc SET "vacancyId" = c."vacancyId"
FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId"
WHERE sc."interviewId" = i."id";

CREATE INDEX "Scorecard_vacancyId_status_updatedAt_id_idx" ON "Scorecard"("vacancyId", "status", "updatedAt", "id");

CREATE OR REPLACE FUNCTION "scorecard_vacancy_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new scorecard carries its interview's candidate's vacancy, so a vacancy's scorecards are one index range.
  SELECT c."vacancyId" INTO NEW."vacancyId"
  FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId"
  WHERE i."id" = NEW."interviewId";
  RETURN NEW;
END;
$$;

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

CREATE TRIGGER "scorecard_vacancy_before_insert" BEFORE INSERT ON "Scorecard"
  FOR EACH ROW EXECUTE FUNCTION "scorecard_vacancy_fill"();
CREATE TRIGGER "scorecard_vacancy_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_vacancy_interview_trigger"();
CREATE TRIGGER "scorecard_vacancy_after_candidate_update" AFTER UPDATE ON "Candidate"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_vacancy_candidate_trigger"();

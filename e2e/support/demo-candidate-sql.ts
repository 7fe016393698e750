// One statement that adds a candidate to an organisation on a published script version, as e2e fixtures
// need: at the organisation's first vacancy stage on that version (a vacancy "Mental Health Specialist"
// with one stage is added when there is none), as a new person. $1 orgId, $2 name, $3 scriptVersionId;
// returns the candidate's id and stageId.
export const INSERT_CANDIDATE_ON_VERSION_SQL = `
  WITH found AS (
    SELECT st.id, st."vacancyId" FROM "VacancyStage" st JOIN "Vacancy" v ON v.id = st."vacancyId"
    WHERE v."orgId" = $1 AND st."scriptVersionId" = $3::text ORDER BY v."createdAt", st.position LIMIT 1
  ), new_vacancy AS (
    INSERT INTO "Vacancy" (id, "orgId", title, "updatedAt")
    SELECT gen_random_uuid()::text, $1, 'Mental Health Specialist', now() WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id
  ), new_stage AS (
    INSERT INTO "VacancyStage" (id, "vacancyId", position, name, "scriptVersionId")
    SELECT gen_random_uuid()::text, id, 1, 'Interview', $3::text FROM new_vacancy RETURNING id, "vacancyId"
  ), stage AS (
    SELECT id, "vacancyId" FROM found UNION ALL SELECT id, "vacancyId" FROM new_stage
  ), person AS (
    INSERT INTO "Person" (id, "orgId") VALUES (gen_random_uuid()::text, $1) RETURNING id
  )
  INSERT INTO "Candidate" (id, "orgId", name, "vacancyId", "stageId", "personId", "updatedAt")
  SELECT gen_random_uuid()::text, $1, $2, stage."vacancyId", stage.id, person.id, now() FROM stage, person
  RETURNING id, "stageId"`;

/** The demo organisation and its first published script version: returns orgId and versionId. */
export const DEMO_FIRST_PUBLISHED_VERSION_SQL = `
  SELECT s."orgId", v.id AS "versionId" FROM "ScriptVersion" v JOIN "InterviewScript" s ON s.id = v."scriptId"
  JOIN "Organization" o ON o.id = s."orgId" WHERE o."isDemo" AND v."publishedAt" IS NOT NULL ORDER BY v."publishedAt" LIMIT 1`;

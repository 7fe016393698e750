-- Current definition; last written by prisma/migrations/20261123151206_candidate_insights/migration.sql.
CREATE OR REPLACE FUNCTION "interview_insights_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- The organisation-wide comparison (issue 18) sorts and pages in SQL: keyset pages over an index on the
-- sort key. CandidateInsight gains the candidate's organisation and weighted score, written with the row by
-- refresh_candidate_insights (the score with their script version's weights, by candidate_weighted_score,
-- the same formula as weightedScore in src/lib/statistics/describe-scores.ts); Candidate gains indexes for
-- pages by name and by date.

-- AlterTable
ALTER TABLE "CandidateInsight" ADD COLUMN "orgId" TEXT, ADD COLUMN "weightedScore" DOUBLE PRECISION;

CREATE OR REPLACE FUNCTION "candidate_weighted_score"(version_id TEXT, competency_ids TEXT[], sums INTEGER[], counts INTEGER[])
RETURNS DOUBLE PRECISION LANGUAGE sql STABLE AS $$
  SELECT sum((f."sum"::float8 / f."n") * w."weight") / nullif(sum(w."weight"), 0)
  FROM unnest(competency_ids, sums, counts) AS f("competencyId", "sum", "n")
  JOIN "ScriptVersionCompetency" w ON w."versionId" = version_id AND w."competencyId" = f."competencyId"
  WHERE f."n" > 0
$$;

CREATE OR REPLACE FUNCTION "refresh_candidate_insights"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cards TEXT[];
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Two panelists submitting for one candidate at once recount in turn: the second waits here for the
  -- first to commit, and its recount (later statements, so a later snapshot) then includes both. A row
  -- lock, not an advisory one, so a bulk write of thousands of candidates cannot fill the lock table.
  PERFORM 1 FROM "Candidate" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
  DELETE FROM "CandidateInsight" WHERE "candidateId" = ANY(ids);
  cards := ARRAY(
    SELECT sc."id" FROM "Interview" i JOIN "Scorecard" sc ON sc."interviewId" = i."id"
    WHERE i."candidateId" = ANY(ids) AND sc."status" = 'SUBMITTED' AND NOT sc."shadow");
  -- With the organisation and the weighted score, the keys the organisation-wide comparison pages on.
  INSERT INTO "CandidateInsight" ("candidateId", "interviews", "scorecards", "strongNo", "no", "yes", "strongYes",
    "scriptVersionId", "competencyIds", "sums", "counts", "notAssessed", "orgId", "weightedScore")
  SELECT p."candidateId", p."interviews", p."scorecards", p."strongNo", p."no", p."yes", p."strongYes", p."scriptVersionId",
    coalesce(f."competencyIds", '{}'), coalesce(f."sums", '{}'), coalesce(f."counts", '{}'), coalesce(f."notAssessed", '{}'),
    c."orgId", "candidate_weighted_score"(p."scriptVersionId", f."competencyIds", f."sums", f."counts")
  FROM "candidate_scorecard_counts"(cards) p
  JOIN "Candidate" c ON c."id" = p."candidateId"
  LEFT JOIN "candidate_competency_figures"(cards) f ON f."candidateId" = p."candidateId";
END
$$;

-- Rows written before this migration: their keys, as refresh_candidate_insights now writes them.
UPDATE "CandidateInsight" ci SET "orgId" = c."orgId",
  "weightedScore" = "candidate_weighted_score"(ci."scriptVersionId", ci."competencyIds", ci."sums", ci."counts")
FROM "Candidate" c WHERE c."id" = ci."candidateId";

ALTER TABLE "CandidateInsight" ALTER COLUMN "orgId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "CandidateInsight_orgId_weightedScore_candidateId_idx" ON "CandidateInsight"("orgId", "weightedScore", "candidateId");

-- CreateIndex
CREATE INDEX "Candidate_orgId_name_id_idx" ON "Candidate"("orgId", "name", "id");

-- CreateIndex
CREATE INDEX "Candidate_orgId_createdAt_id_idx" ON "Candidate"("orgId", "createdAt", "id");

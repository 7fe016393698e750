-- Current definition; last written by prisma/migrations/20261205230100_org_comparison_keys/migration.sql.
-- A candidate's weighted score from their competency figures (CandidateInsight's arrays) and a script
-- version's weights: the weighted mean of the rated weighted competencies' means, renormalised over those
-- rated (weightedScore in src/lib/statistics/describe-scores.ts); null when none is rated or their weights
-- sum to 0.
CREATE OR REPLACE FUNCTION "candidate_weighted_score"(version_id TEXT, competency_ids TEXT[], sums INTEGER[], counts INTEGER[])
RETURNS DOUBLE PRECISION LANGUAGE sql STABLE AS $$
  SELECT sum((f."sum"::float8 / f."n") * w."weight") / nullif(sum(w."weight"), 0)
  FROM unnest(competency_ids, sums, counts) AS f("competencyId", "sum", "n")
  JOIN "ScriptVersionCompetency" w ON w."versionId" = version_id AND w."competencyId" = f."competencyId"
  WHERE f."n" > 0
$$;

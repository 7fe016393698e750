-- CreateTable
CREATE TABLE "ScorecardAmendment" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScorecardAmendment_scorecardId_createdAt_idx" ON "ScorecardAmendment"("scorecardId", "createdAt");

-- AddForeignKey
ALTER TABLE "ScorecardAmendment" ADD CONSTRAINT "ScorecardAmendment_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardAmendment" ADD CONSTRAINT "ScorecardAmendment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Amendments made before this migration were recorded only in the audit log: copy them across, so the
-- scorecard's list of amendments keeps reading from one place.
INSERT INTO "ScorecardAmendment" ("id", "scorecardId", "actorId", "reason", "before", "after", "createdAt")
SELECT 'audit' || e."id", e."entityId", e."actorId", COALESCE(e."data"->>'reason', ''),
       COALESCE(e."data"->'before', '{}'::jsonb), COALESCE(e."data"->'after', '{}'::jsonb), e."createdAt"
FROM "AuditEvent" e
JOIN "Scorecard" s ON s."id" = e."entityId"
WHERE e."action" = 'scorecard.amended' AND e."entityType" = 'Scorecard';
